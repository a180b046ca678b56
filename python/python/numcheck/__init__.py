"""numcheck: find the quantitative claims in news prose and check the figures against each
other for internal arithmetic consistency.

The functions here run the same engine as the ``numcheck check`` command line, with the same
settings, and return its JSON (see the project's ``json.md``) as Python lists and dicts.

>>> import numcheck
>>> findings = numcheck.check("Sales rose 50% to $3 million from $1 million.")
>>> findings[0]["rule"], findings[0]["severity"]
('NUM-PCT-CHANGE', 'error')
"""

from __future__ import annotations

import datetime as _dt
import json as _json
from typing import Any, Dict, Iterable, List, Optional, Sequence, Union

from . import _numcheck

__all__ = ["check", "check_many", "extract", "rules", "__version__"]

__version__: str = _numcheck.__version__

DateLike = Union[str, _dt.date, None]


def _date(date: DateLike) -> Optional[str]:
    if date is None or isinstance(date, str):
        return date
    if isinstance(date, _dt.datetime):
        return date.date().isoformat()
    if isinstance(date, _dt.date):
        return date.isoformat()
    raise TypeError(f"date must be a str 'YYYY-MM-DD', a datetime.date or None, not {type(date).__name__}")


def _selectors(name: str, value: Optional[Iterable[str]]) -> Optional[List[str]]:
    if value is None:
        return None
    if isinstance(value, str):
        # A lone string would otherwise be read as a list of one-letter selectors.
        return [value]
    items = list(value)
    for item in items:
        if not isinstance(item, str):
            raise TypeError(f"{name} must hold rule ids or prefixes as str, not {type(item).__name__}")
    return items


def _text(text: Any) -> str:
    if not isinstance(text, str):
        raise TypeError(f"text must be str, not {type(text).__name__}")
    return text


def check(
    text: str,
    format: str = "plain",
    date: DateLike = None,
    select: Optional[Sequence[str]] = None,
    ignore: Optional[Sequence[str]] = None,
    show_consistent: bool = False,
) -> List[Dict[str, Any]]:
    """Check the figures of one article against each other.

    Args:
        text: the article.
        format: ``"plain"``, ``"markdown"`` or ``"html"``.
        date: the reference date for year-less dates, ages and "last year"
            (``"YYYY-MM-DD"`` or a ``datetime.date``); by default the article's own
            (front matter, HTML metadata or dateline), as the command line does.
        select: rule ids or prefixes to run (``["NUM-PCT"]``); all by default.
        ignore: rule ids or prefixes to leave out.
        show_consistent: also return the notes of checks that passed.

    Returns:
        The findings, sorted by offset, each a dict with ``rule``, ``severity``
        (``error``/``warning``/``note``), ``verdict``, ``message``, ``start``, ``end``
        (byte offsets into ``text`` encoded as UTF-8), ``line``, ``column``, ``text``,
        ``related`` and ``computed``. Notes are included (with ``show_consistent``,
        also those of checks that passed).

    Raises:
        TypeError: ``text`` is not a str.
        ValueError: an unknown format, a malformed date or an unknown rule selector.
    """
    return _json.loads(
        _numcheck.check_json(
            _text(text),
            format,
            _date(date),
            _selectors("select", select),
            _selectors("ignore", ignore),
            bool(show_consistent),
        )
    )


def check_many(
    texts: Iterable[str],
    format: str = "plain",
    date: DateLike = None,
    select: Optional[Sequence[str]] = None,
    ignore: Optional[Sequence[str]] = None,
    show_consistent: bool = False,
    threads: Optional[int] = None,
) -> List[List[Dict[str, Any]]]:
    """Check many articles in parallel; the same as ``[check(t, ...) for t in texts]``.

    The GIL is released while the articles are checked, on ``threads`` threads (by
    default one per core). Arguments are those of :func:`check`.

    Returns:
        One list of findings per text, in the order of ``texts``.
    """
    batch = [_text(t) for t in texts]
    if threads is not None and (not isinstance(threads, int) or isinstance(threads, bool)):
        raise TypeError(f"threads must be an int or None, not {type(threads).__name__}")
    results = _numcheck.check_many_json(
        batch,
        format,
        _date(date),
        _selectors("select", select),
        _selectors("ignore", ignore),
        bool(show_consistent),
        threads,
    )
    return [_json.loads(r) for r in results]


def extract(text: str, format: str = "plain") -> List[Dict[str, Any]]:
    """Every quantitative claim of an article, as ``numcheck extract --format json`` gives it.

    Each claim is a dict with ``start``, ``end``, ``text``, ``line``, ``column``, ``kind``
    (``count``, ``money``, ``percent``, ``date``, ...), ``value``, ``low``, ``high``,
    ``hedge``, ``interval``, ``unit``, ``counted``, ``head``, ``of``, ``resolved`` and
    ``in_heading``. Decimal values are strings, exact.

    Raises:
        TypeError: ``text`` is not a str.
        ValueError: an unknown format.
    """
    return _json.loads(_numcheck.extract_json(_text(text), format))


def rules() -> List[Dict[str, str]]:
    """The rule catalogue: ``[{"id", "summary", "docs"}]``, as ``numcheck rules`` lists it."""
    return [{"id": i, "summary": s, "docs": d} for (i, s, d) in _numcheck.rules_list()]
