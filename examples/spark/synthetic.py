"""Synthetic article-sized stories for the Spark test and benchmark: a few figures each,
some inconsistent, some dated, some Markdown."""

from __future__ import annotations

import random

WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def article(i: int, rng: random.Random) -> dict:
    """An article-sized story with a few figures, some of them inconsistent."""
    before = rng.randint(100, 900)
    after = before + rng.randint(-80, 400)
    stated = round(100 * (after - before) / before) + rng.choice([0, 0, 0, 9, -12])
    direction = "rose" if stated >= 0 else "fell"
    born = rng.randint(1940, 1990)
    age = 2025 - born - rng.choice([0, 1, 1, 1, 6])
    day = rng.randint(1, 28)
    weekday = rng.choice(WEEKDAYS)
    parts = [rng.randint(5, 40) for _ in range(3)]
    total = sum(parts) + rng.choice([0, 0, 0, 5])
    body = (
        f"Harbour trust reports year {i}\n\n"
        f"Visitor numbers {direction} {abs(stated)}% to {after:,} from {before:,} last year, "
        f"the trust said on {weekday}, March {day}, 2025. "
        f"Its chair, Ann Reyes, {age}, was born in {born}. "
        f"The trust ran {total} events: {parts[0]} concerts, {parts[1]} talks and "
        f"{parts[2]} markets. "
        + "Volunteers said the season had been busy and that more help was needed. " * 6
    )
    doc = {"id": f"a{i:05d}", "text": body}
    if i % 3 == 0:
        doc["date"] = "2025-06-01"
    if i % 7 == 0:
        doc["format"] = "markdown"
        doc["text"] = "# " + body
    return doc
