"""Numbers and dates as Norwegian readers write them: `1 234`, `3,5`, `76 %`, `2. desember 2026`.

Used by every sentence, figure label, footer and report cover, so that one number reads
the same everywhere (thousands with a non-breaking space, a decimal comma, a space before
the per cent sign, as Språkrådet recommends).
"""

from __future__ import annotations

import math

NBSP = "\u00a0"
MONTHS = ("januar", "februar", "mars", "april", "mai", "juni", "juli", "august", "september", "oktober",
          "november", "desember")


def number(value, decimals: int = 0) -> str:
    """`1234.5` -> `1 234,5` (with `decimals`); integers stay whole; NaN -> `–`."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    text = f"{float(value):,.{decimals}f}"
    if text.startswith("-") and not text.strip("-0."):  # -0.001 -> `0,0`, not `-0,0`
        text = text[1:]
    return text.replace(",", NBSP).replace(".", ",")


def count(n: int, singular: str, plural: str) -> str:
    """`1 artikkel`, `2 artikler`, `1 234 artikler`: a number with its noun in the right form."""
    return f"{number(n)} {singular if n == 1 else plural}"


def percent(share, decimals: int = 0) -> str:
    """A share in [0, 1] as `76 %`; a share that rounds to 0 or 100 but is not says `<1 %`/`>99 %`."""
    if share is None or (isinstance(share, float) and math.isnan(share)):
        return "–"
    value = float(share) * 100
    shown = round(value, decimals)
    if 0 < value and shown == 0:
        return f"<{number(10 ** -decimals, decimals)}{NBSP}%"
    if value < 100 and shown == 100:
        return f">{number(100 - 10 ** -decimals, decimals)}{NBSP}%"
    return f"{number(value, decimals)}{NBSP}%"


def share_of(part: int, whole: int) -> str:
    """`13 av 17 (76 %)`: a count with its share, so no share is shown without its basis."""
    if not whole:
        return f"{number(part)} av {number(whole)}"
    return f"{number(part)} av {number(whole)} ({percent(part / whole)})"


def date(when) -> str:
    """A date as `2. desember 2026`."""
    return f"{when.day}. {MONTHS[when.month - 1]} {when.year}"


def span(years) -> str:
    """Years as a period: `2018–2024`, `2021`, or `ukjent` when there are none."""
    years = sorted({int(y) for y in years})
    if not years:
        return "ukjent"
    return str(years[0]) if years[0] == years[-1] else f"{years[0]}–{years[-1]}"


def listing(words) -> str:
    """`a, b og c` (Norwegian lists have no comma before `og`)."""
    words = [str(w) for w in words]
    if len(words) <= 1:
        return "".join(words)
    return ", ".join(words[:-1]) + " og " + words[-1]
