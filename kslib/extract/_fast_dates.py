"""Fast twins of the date finders in `dates` (same arguments, same matches): each pattern is tried
only where a match can be, next to the years or weekday endings already found, instead of over
the whole text. The hypothesis tests check every twin against its plain definition."""

from __future__ import annotations

import re

from kslib.extract.date_patterns import (
    MONTHS,
    RANGE,
    RANGE_GAP,
    WEEKDAY_DATE,
    WEEKDAYS,
)
from kslib.structure.paragraphs import starts_word

_MONTH_NAMES = tuple(MONTHS)
_WEEKDAY_HINT = re.compile(r"dag\s+\d")  # on lower-cased text: every weekday ends in -dag
assert all(day.endswith("dag") for day in WEEKDAYS)
_WEEKDAY_LENGTHS = sorted({len(day) for day in WEEKDAYS})


def weekday_dates(text: str, low: str) -> list[re.Match]:
    """`WEEKDAY_DATE.finditer(text)`, tried only where `_WEEKDAY_HINT` shows a weekday can
    end (`low`: `text` lower-cased). Two matches never overlap (each holds one `-dag` and a
    date after it), so the matches at those places are all of them, in order."""
    if len(low) != len(text):  # lower-casing moved positions (rare letters): scan it all
        return list(WEEKDAY_DATE.finditer(text))
    found = []
    for hint in _WEEKDAY_HINT.finditer(low):
        for n in _WEEKDAY_LENGTHS:  # the weekday ends with the hint's `dag`
            start = hint.start() + 3 - n
            m = WEEKDAY_DATE.match(text, start) if start >= 0 else None
            if m is not None:
                found.append(m)
                break
    return found


def after_month(low: str, start: int) -> bool:
    """A month name and white space stand right before position `start` of lower-cased text
    (a necessary condition of `FULL_DATE` and `MONTH_YEAR` there)."""
    before = low[max(0, start - 40) : start]
    word = before.rstrip()
    if not word:  # only white space in the window: look at the whole text
        before = low[:start]
        word = before.rstrip()
    return len(word) < len(before) and word.endswith(_MONTH_NAMES)


def _month_start(text: str, low: str, year_start: int) -> int | None:
    """Where the month name stands that white space separates from a year (`mai 2021`), or
    None (`low`: `text` lower-cased, the same length). No month name ends another."""
    ws = year_start
    while ws > 0 and text[ws - 1].isspace():
        ws -= 1
    if ws == year_start:
        return None
    month = next((m for m in _MONTH_NAMES if low.endswith(m, 0, ws)), None)
    return None if month is None else ws - len(month)


def full_date_starts(text: str, low: str, year: re.Match) -> list[int]:
    """Where a `FULL_DATE` ending at `year` can start: one or two digits before `.`, white
    space and the month (`1. mai 2021`)."""
    at = _month_start(text, low, year.start())
    if at is None:
        return []
    while at > 0 and text[at - 1].isspace():
        at -= 1
    return [at - 3, at - 2] if text[at - 1 : at] == "." else []


def month_year_starts(text: str, low: str, year: re.Match) -> list[int]:
    """Where a `MONTH_YEAR` ending at `year` can start: at its month (`mai 2021`)."""
    at = _month_start(text, low, year.start())
    return [] if at is None else [at]


def numeric_date_starts(text: str, low: str, year: re.Match) -> list[int]:
    """Where a `NUMERIC_DATE` ending at `year` can start: `1.5.2021` to `01.05.2021`."""
    return [year.start() - n for n in (6, 5, 4)]


def ending_at_years(pattern: re.Pattern, starts, text: str, low: str, years: list[re.Match]) -> list[re.Match]:
    """`pattern.finditer(text)` for a pattern whose every match holds one year, at its end, that
    `ANY_YEAR` finds (`years`): tried only where `starts` says such a match can start, leftmost
    first. A scan of the whole text with these patterns cost more than the rest of the year's
    inference."""
    found, done = [], 0
    for year in years:
        for start in starts(text, low, year):
            if start < done:
                continue
            m = pattern.match(text, start)
            if m is not None and m.end() == year.end():
                found.append(m)
                done = m.end()
                break
    return found


def ranges(text: str, years: list[re.Match]) -> list[re.Match]:
    """`RANGE.finditer(text)`, tried only at years the next year follows with only a dash,
    `til` or `og` between (`years`: what `ANY_YEAR` finds): a range's two years are those."""
    found, done = [], 0
    for a, b in zip(years, years[1:]):
        if a.start() >= done and RANGE_GAP.fullmatch(text, a.end(), b.start()):
            m = RANGE.match(text, a.start())
            if m is not None and m.end() == b.end():
                found.append(m)
                done = m.end()
    return found


def in_era(pattern: re.Pattern, hints: tuple[str, ...], text: str) -> bool:
    """`pattern` matches at the start of a word (as `\\b` + pattern would). Every match starts
    with a hint, so the pattern is tried only where a hint starts a word: `re` would otherwise
    walk the whole text with it, and a leading `\\b` keeps `re` from skipping ahead."""
    for hint in hints:
        start = text.find(hint)
        while start >= 0:
            if starts_word(text, start) and pattern.match(text, start):
                return True
            start = text.find(hint, start + 1)
    return False
