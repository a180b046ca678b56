"""The Python package against the command line, and its handling of bad input."""

import datetime
import importlib.metadata
import json
import subprocess

import pytest

import numcheck
from conftest import ROOT

INCONSISTENT = "Ticket sales rose 50% to 3,000 from 1,000 last season."


def cli_json(cli, *args, stdin=None):
    out = subprocess.run([cli, *args], input=stdin, capture_output=True, text=True, check=False)
    assert out.returncode in (0, 1), out.stderr
    return json.loads(out.stdout)


def test_example_article_matches_the_cli(cli, article):
    path = str(ROOT / "tests" / "fixtures" / "is-resurgence.txt")
    want = cli_json(cli, "check", "--output-format", "json", "--show-consistent", path)
    got = numcheck.check(article, show_consistent=True)
    assert got == want["files"][0]["findings"]
    assert any(f["rule"] == "NUM-HEADLINE-BODY" and f["severity"] == "warning" for f in got)


def test_notes_of_passed_checks_only_on_request():
    consistent = "Ticket sales rose 200% to 3,000 from 1,000 last season."
    assert numcheck.check(consistent) == []
    notes = numcheck.check(consistent, show_consistent=True)
    assert notes and all(f["verdict"] == "consistent" for f in notes)


def test_extract_matches_the_cli(cli, article):
    want = cli_json(cli, "extract", "--format", "json", "-", stdin=article)
    assert numcheck.extract(article) == want["files"][0]["claims"]


def test_selection_and_dates_as_the_cli_reads_them(cli):
    text = "Jones, 52, was born in 1961. " + INCONSISTENT
    assert {f["rule"] for f in numcheck.check(text)} == {"NUM-PCT-CHANGE"}
    dated = numcheck.check(text, date="2025-06-01")
    assert {f["rule"] for f in dated} == {"NUM-PCT-CHANGE", "NUM-AGE-YEAR"}
    assert numcheck.check(text, date=datetime.date(2025, 6, 1)) == dated
    assert [f["rule"] for f in numcheck.check(text, date="2025-06-01", select=["NUM-AGE"])] == [
        "NUM-AGE-YEAR"
    ]
    assert numcheck.check(text, date="2025-06-01", ignore="NUM") == []
    want = cli_json(cli, "check", "--output-format", "json", "--date", "2025-06-01", "-", stdin=text)
    assert dated == want["files"][0]["findings"]


def test_formats():
    text = "    Jones, 52, was born in 1961."
    assert numcheck.check(text, date="2025-06-01") != []
    assert numcheck.check(text, format="markdown", date="2025-06-01") == []
    html = "<p>Jones, 52, was born in 1961.</p><script>var x = 5;</script>"
    assert [f["rule"] for f in numcheck.check(html, format="html", date="2025-06-01")] == [
        "NUM-AGE-YEAR"
    ]


@pytest.mark.parametrize(
    "kwargs, error",
    [
        ({"text": 5}, TypeError),
        ({"text": b"bytes"}, TypeError),
        ({"text": "x", "format": "pdf"}, ValueError),
        ({"text": "x", "date": "2025-02-30"}, ValueError),
        ({"text": "x", "date": "yesterday"}, ValueError),
        ({"text": "x", "date": 20250101}, TypeError),
        ({"text": "x", "select": ["NUM-NOPE"]}, ValueError),
        ({"text": "x", "ignore": [3]}, TypeError),
    ],
)
def test_bad_input_raises(kwargs, error):
    with pytest.raises(error) as info:
        numcheck.check(**kwargs)
    assert str(info.value)


def test_hostile_text_never_panics():
    for text in ["", "\x00" * 10, "9" * 5000, "½ ⅓ ¼ 1e999 −0 ٣", "$" * 100 + "%" * 100, "\ud7ff" * 3]:
        assert isinstance(numcheck.check(text, show_consistent=True), list)
        assert isinstance(numcheck.extract(text), list)


def test_rules_and_version():
    rules = numcheck.rules()
    ids = [r["id"] for r in rules]
    assert "NUM-PCT-CHANGE" in ids and "NUM-UNUSED-SUPPRESSION" in ids
    assert all(r["summary"] and r["docs"] for r in rules)
    assert numcheck.__version__ == importlib.metadata.version("numcheck")
    cargo = (ROOT / "Cargo.toml").read_text()
    assert f'version = "{numcheck.__version__}"' in cargo


def test_help_reads_well():
    doc = numcheck.check.__doc__
    assert "Args:" in doc and "Raises:" in doc and "ValueError" in doc
    assert (pathlib_of(numcheck) / "py.typed").exists()
    assert (pathlib_of(numcheck) / "__init__.pyi").exists()


def pathlib_of(module):
    import pathlib

    return pathlib.Path(module.__file__).parent


def documents(n):
    """Article-sized texts, some consistent and some not, all different."""
    docs = []
    for i in range(n):
        before, after = 200 + i, 300 + 2 * i
        pct = round(100 * (after - before) / before) + (i % 3) * 7
        docs.append(
            f"Council spending update {i}\n\n"
            f"Spending on road repairs rose {pct}% to {after} million from {before} million, "
            f"the council said on Tuesday. About {i % 50 + 10} roads were resurfaced. "
            "Officials expect the work to finish by the end of the year. " * 3
        )
    return docs


def test_check_many_equals_single_calls():
    docs = documents(1000)
    many = numcheck.check_many(docs, threads=2)
    assert len(many) == 1000
    assert many == [numcheck.check(d) for d in docs]
    assert sum(1 for f in many if f) > 100, "the fixture must hold inconsistent documents"


def test_check_many_validates_like_check():
    with pytest.raises(TypeError):
        numcheck.check_many(["ok", 3])
    with pytest.raises(ValueError):
        numcheck.check_many(["ok"], threads=0)
    with pytest.raises(ValueError):
        numcheck.check_many(["ok"], date="2025-99-01")
    assert numcheck.check_many([]) == []
