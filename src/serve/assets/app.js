// numcheck's page: sends the text to this server's /api/v1 (and nowhere else), shows the
// figures it found and the findings, and marks the spans a selected finding used.
"use strict";
(function () {
  const $ = (id) => document.getElementById(id);
  const text = $("text"), format = $("format"), date = $("date"), file = $("file");
  const checkBtn = $("check"), status = $("status"), results = $("results");
  const summary = $("summary"), article = $("article"), findingsBox = $("findings");
  const showConsistent = $("show-consistent"), tip = $("tip"), dateSource = $("date-source");

  // The last answer, and the exact request that produced it (downloads repeat it).
  let last = null;
  let selected = -1;
  // Whether the date field holds the document's own date (then it is not sent back).
  let dateFromDocument = false;

  const KINDS = ["count", "number", "money", "percent", "fraction", "measure", "ordinal",
    "year", "date", "period", "duration", "relative_date"];
  const SEVERITIES = ["error", "warning", "note"];
  const HEADINGS = { error: "Errors", warning: "Warnings", note: "Notes (consistent checks and derived values)" };

  $("legend").append(...KINDS.map((k) => el("span", "k-" + k, k.replace("_", " "))));

  function el(tag, cls, content) {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (content !== undefined) e.textContent = content;
    return e;
  }

  function request() {
    const body = { text: text.value, format: format.value, show_consistent: true };
    if (date.value && !dateFromDocument) body.date = date.value;
    return body;
  }

  async function post(path, body, accept) {
    const r = await fetch(path, {
      method: "POST",
      headers: { "Content-Type": "application/json", "Accept": accept || "application/json" },
      body: JSON.stringify(body),
    });
    const raw = await r.text();
    let json = null;
    try { json = JSON.parse(raw); } catch (_) { /* reported below */ }
    if (!r.ok) {
      const msg = json && json.error ? json.error.message : r.status + " " + r.statusText;
      throw new Error(msg);
    }
    return { raw, json };
  }

  async function check() {
    if (checkBtn.getAttribute("aria-busy") === "true") return;
    const body = request();
    checkBtn.setAttribute("aria-busy", "true");
    results.setAttribute("aria-busy", "true");
    status.className = "";
    status.textContent = "Checking…";
    try {
      // Claims and findings come from the same text; both requests run at once.
      const [report, claims] = await Promise.all([
        post("/api/v1/check", body),
        post("/api/v1/extract", { text: body.text, format: body.format }),
      ]);
      last = { body, text: body.text, report: report.json, raw: report.raw, claims: claims.json.files[0].claims };
      selected = -1;
      noteDate(last.report.files[0].reference_date);
      render();
      status.textContent = "Checked.";
      $("dl-json").disabled = false;
      $("dl-sarif").disabled = false;
    } catch (e) {
      status.className = "error";
      status.textContent = "Check failed: " + e.message;
    } finally {
      checkBtn.setAttribute("aria-busy", "false");
      results.setAttribute("aria-busy", "false");
    }
  }

  // The date the document gives (front matter, metadata, dateline) fills the field.
  function noteDate(ref) {
    if (ref && ref.source !== "--date") {
      date.value = ref.date;
      dateFromDocument = true;
      dateSource.textContent = "Reference date from the document (" + ref.source + ").";
    } else if (ref) {
      dateSource.textContent = "Reference date as given.";
    } else {
      dateSource.textContent = "No reference date: year-less dates are not checked.";
    }
  }

  function render() {
    const r = last.report;
    const s = r.summary;
    summary.replaceChildren(
      el("span", "n-error", plural(s.errors, "error")), ", ",
      el("span", "n-warning", plural(s.warnings, "warning")), ", ",
      el("span", "n-note", plural(s.notes, "note")),
      " · " + plural(last.claims.length, "figure"));
    renderFindings();
    renderArticle();
  }

  function plural(n, w) { return n + " " + w + (n === 1 ? "" : "s"); }

  function visibleFindings() {
    const all = last.report.files[0].findings.map((f, i) => ({ f, i }));
    return all.filter(({ f }) => showConsistent.checked || f.severity !== "note");
  }

  function renderFindings() {
    const shown = visibleFindings();
    findingsBox.replaceChildren();
    if (shown.length === 0) {
      findingsBox.append(el("p", "empty", "No findings" + (showConsistent.checked ? "." : " (consistent checks hidden).")));
      return;
    }
    for (const sev of SEVERITIES) {
      const group = shown.filter(({ f }) => f.severity === sev);
      if (!group.length) continue;
      findingsBox.append(el("h4", "sev-" + sev, HEADINGS[sev]));
      const ol = el("ol");
      for (const { f, i } of group) {
        const b = el("button", "finding sev-" + f.severity);
        b.type = "button";
        b.dataset.rule = f.rule;
        b.dataset.index = i;
        b.setAttribute("aria-pressed", String(i === selected));
        const head = el("span", "head");
        head.append(el("span", "sev", f.severity), el("span", "rule", f.rule), el("span", "loc", "line " + f.line + ", col " + f.column));
        b.append(head, el("span", "msg", f.message));
        if (f.computed) {
          const c = f.computed;
          const range = c.low !== null || c.high !== null ? " (" + (c.low ?? "−∞") + "–" + (c.high ?? "∞") + ")" : "";
          const m = el("span", "math", "computed: " + c.value + range + "; verdict: " + f.verdict.replaceAll("_", " "));
          b.append(m);
        }
        b.addEventListener("click", () => select(i));
        const li = el("li");
        li.append(b);
        ol.append(li);
      }
      findingsBox.append(ol);
    }
  }

  function select(i) {
    selected = selected === i ? -1 : i;
    renderFindings();
    renderArticle();
    const primary = article.querySelector('[data-span="0"]');
    if (primary) primary.scrollIntoView({ block: "center", behavior: "smooth" });
    const pressed = findingsBox.querySelector('[aria-pressed="true"]');
    if (pressed) pressed.focus({ preventScroll: true });
  }

  // Byte offsets (the API's) → indexes into the JavaScript string (UTF-16 units).
  function byteIndex(s) {
    const map = new Uint32Array(new TextEncoder().encode(s).length + 1);
    let b = 0, j = 0;
    for (const ch of s) {
      const cp = ch.codePointAt(0);
      const n = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
      for (let k = 0; k < n; k++) map[b + k] = j;
      b += n;
      j += ch.length;
    }
    map[b] = j;
    return (off) => map[Math.min(off, b)];
  }

  // The article with every claim in a <mark>, and, for the selected finding, each span it
  // used outlined and labelled as in the terminal output ("^" the primary span).
  function renderArticle() {
    const s = last.text, at = byteIndex(s);
    const claims = [];
    let end = 0;
    for (const c of last.claims) {
      const a = at(c.start), z = at(c.end);
      if (a >= end && z > a) { claims.push({ a, z, c }); end = z; }
    }
    const spans = [];
    if (selected >= 0) {
      const f = last.report.files[0].findings[selected];
      spans.push({ a: at(f.start), z: at(f.end), label: "^", n: 0 });
      f.related.forEach((r, k) => spans.push({ a: at(r.start), z: at(r.end), label: r.label, n: k + 1 }));
    }
    const cuts = new Set([0, s.length]);
    for (const x of claims) { cuts.add(x.a); cuts.add(x.z); }
    for (const x of spans) { cuts.add(x.a); cuts.add(x.z); }
    const points = [...cuts].sort((p, q) => p - q);
    const frag = document.createDocumentFragment();
    let ci = 0, mark = null, markClaim = null;
    for (let p = 0; p + 1 < points.length; p++) {
      const a = points[p], z = points[p + 1];
      while (ci < claims.length && claims[ci].z <= a) ci++;
      const claim = ci < claims.length && claims[ci].a <= a ? claims[ci] : null;
      if (claim !== markClaim) {
        mark = claim ? claimMark(claim.c) : null;
        if (mark) frag.append(mark);
        markClaim = claim;
      }
      const into = mark || frag;
      const used = spans.filter((x) => x.a <= a && z <= x.z);
      let node = document.createTextNode(s.slice(a, z));
      for (const u of used) {
        const w = el("span", "used" + (u.n === 0 ? " primary" : ""));
        w.dataset.span = u.n;
        w.append(node);
        node = w;
      }
      into.append(node);
      // A label goes after its span, outside the figure's mark when the span ends with it.
      const after = mark && markClaim.z === z ? frag : into;
      for (const u of spans.filter((x) => x.z === z && x.a < z)) {
        after.append(el("span", "badge" + (u.n === 0 ? " primary" : ""), u.label));
      }
    }
    article.replaceChildren(frag);
  }

  function claimMark(c) {
    const m = el("mark", "claim k-" + c.kind);
    m.tabIndex = 0;
    m.dataset.kind = c.kind;
    m._claim = c;
    return m;
  }

  function reading(c) {
    const rows = [["kind", c.kind.replace("_", " ")]];
    if (c.value !== null) rows.push(["value", c.value + (c.unit ? " " + c.unit : "")]);
    if (c.low !== null || c.high !== null) rows.push(["range", c.low + " to " + c.high]);
    if (c.interval && (c.interval.low !== null || c.interval.high !== null))
      rows.push(["interval", (c.interval.low ?? "−∞") + " … " + (c.interval.high ?? "∞")]);
    if (c.hedge !== "none") rows.push(["hedge", c.hedge.replaceAll("_", " ")]);
    if (c.counted) rows.push(["counts", c.counted]);
    if (c.of) rows.push(["of", c.of]);
    if (c.resolved) rows.push(["resolves to", c.resolved]);
    if (c.in_heading) rows.push(["in heading", "yes"]);
    return rows;
  }

  function showTip(m) {
    const dl = el("dl");
    for (const [k, v] of reading(m._claim)) dl.append(el("dt", "", k), el("dd", "", v));
    tip.replaceChildren(dl);
    tip.hidden = false;
    const r = m.getBoundingClientRect();
    const left = Math.max(4, Math.min(window.scrollX + r.left, window.scrollX + document.documentElement.clientWidth - tip.offsetWidth - 4));
    tip.style.left = left + "px";
    tip.style.top = (window.scrollY + r.bottom + 6) + "px";
    tip.id = "tip";
    m.setAttribute("aria-describedby", "tip");
  }

  function hideTip(m) {
    tip.hidden = true;
    if (m) m.removeAttribute("aria-describedby");
  }

  for (const [on, off] of [["mouseover", "mouseout"], ["focusin", "focusout"]]) {
    article.addEventListener(on, (e) => { const m = e.target.closest("mark.claim"); if (m) showTip(m); });
    article.addEventListener(off, (e) => { const m = e.target.closest("mark.claim"); if (m) hideTip(m); });
  }
  document.addEventListener("keydown", (e) => {
    if (e.key === "Escape") hideTip(null);
    if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) { e.preventDefault(); check(); }
  });

  checkBtn.addEventListener("click", check);
  showConsistent.addEventListener("change", () => { if (last) { if (selected >= 0 && !showConsistent.checked && last.report.files[0].findings[selected].severity === "note") selected = -1; renderFindings(); renderArticle(); } });
  date.addEventListener("input", () => { dateFromDocument = false; dateSource.textContent = date.value ? "Reference date as given." : ""; });
  text.addEventListener("input", () => { if (dateFromDocument) { date.value = ""; dateFromDocument = false; dateSource.textContent = ""; } });

  function download(name, type, content) {
    const a = el("a");
    a.href = URL.createObjectURL(new Blob([content], { type }));
    a.download = name;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(a.href), 1000);
  }
  $("dl-json").addEventListener("click", () => { if (last) download("numcheck-report.json", "application/json", last.raw); });
  $("dl-sarif").addEventListener("click", async () => {
    if (!last) return;
    try {
      const r = await post("/api/v1/check", last.body, "application/sarif+json");
      download("numcheck-report.sarif", "application/sarif+json", r.raw);
    } catch (e) { status.className = "error"; status.textContent = "SARIF failed: " + e.message; }
  });

  // A dropped or opened file: its extension picks the format, as on the command line.
  async function load(f) {
    if (!f) return;
    const name = f.name.toLowerCase();
    format.value = /\.(md|markdown|mdx)$/.test(name) ? "markdown" : /\.(html?|xhtml)$/.test(name) ? "html" : "plain";
    text.value = await f.text();
    text.dispatchEvent(new Event("input"));
    status.className = "";
    status.textContent = "Loaded " + f.name + ".";
  }
  file.addEventListener("change", () => load(file.files[0]));
  const drop = $("drop");
  drop.addEventListener("dragover", (e) => { e.preventDefault(); drop.classList.add("dragging"); });
  drop.addEventListener("dragleave", () => drop.classList.remove("dragging"));
  drop.addEventListener("drop", (e) => { e.preventDefault(); drop.classList.remove("dragging"); load(e.dataTransfer.files[0]); });
})();
