"""The year an article reports on, inferred from its text.

Evidence, strongest first: a weekday with a date (`mandag 22. januar`) fixes
the year among recent ones; full dates (`1. mai 2021`); years written as the
article's own time (`i 2021`, `Debatthefte 2021`, `#valgløfte2023`). The first
year of a plan period (`2024-2027`, `2024 til 2027`) counts less and the second
not at all. `<NA>` when nothing says it.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from functools import lru_cache

from kslib.config import resource_rows
from kslib.structure.paragraphs import starts_word

#: Month names -> 1-12 and weekday names -> 0-6 (Monday 0), bokmål and nynorsk (`resources/calendar.tsv`).
_CALENDAR = resource_rows("calendar.tsv", delimiter="\t")
MONTHS = {r["word"]: int(r["number"]) for r in _CALENDAR if r["kind"] == "month"}
WEEKDAYS = {r["word"]: int(r["number"]) for r in _CALENDAR if r["kind"] == "weekday"}
YEAR = r"(?:19[89]\d|20[0-4]\d)"
_RANGE = re.compile(rf"(?<!\d)({YEAR})\s*(?:[-–/]|til|og)\s*({YEAR})(?!\d)")
_FULL_DATE = re.compile(rf"\b\d{{1,2}}\.\s*({'|'.join(MONTHS)})\s+({YEAR})\b", re.I)
_WEEKDAY_DATE = re.compile(rf"\b({'|'.join(WEEKDAYS)})\s+(\d{{1,2}})\.\s*({'|'.join(MONTHS)})\b(?!\s+{YEAR})", re.I)
_YEAR = re.compile(rf"(?<![\d,.])({YEAR})(?![\d])")
_NUMERIC_DATE = re.compile(rf"\b\d{{1,2}}\.\d{{1,2}}\.({YEAR})\b")
_PUBLISHED = re.compile(rf"\b(?:publisert|oppdatert|dato)\s*:?\s*\d{{1,2}}\.\s*(?:\d{{1,2}}\.|\w+)\s*({YEAR})", re.I)
_MONTH_YEAR = re.compile(rf"\b({'|'.join(MONTHS)})\s+({YEAR})\b", re.I)
#: a year after these words is a past reference (`fra 2020`, `siden 2015`), not the article's time
_PAST = re.compile(r"\b(?:fra|frå|siden|sidan|etter|før|tidligere|tidlegare|i perioden)\s+$", re.I)
#: a date after these words is when something takes effect, often written about ahead of time
_AHEAD = re.compile(r"\b(?:fra|frå|fra og med|f\.o\.m\.|innen|innan)\s+$", re.I)
#: Eras the text places itself in (`resources/eras.tsv`): (pattern, first year, last year, hints).
#: Each pattern starts with a word character and counts only at the start of a word; every
#: match of it starts with one of its hints (the forms' literal starts), so it is tried only
#: where a hint starts a word (`_in_era`; a test checks the hints).
def _eras() -> list[tuple[re.Pattern, int, int, tuple[str, ...]]]:
    groups: dict[tuple[int, int], list[str]] = {}
    for row in resource_rows("eras.tsv", delimiter="\t"):
        groups.setdefault((int(row["first"]), int(row["last"])), []).append(row["form"])
    out = []
    for (first, last), forms in groups.items():
        alternatives = [re.escape(f).replace(r"\*", r"\w*").replace(re.escape("<Navn>"), r"[A-ZÆØÅ]\w+")
                        for f in forms]
        hints = tuple(re.split(r"[*<]", f)[0] for f in forms)
        out.append((re.compile("(?:" + "|".join(alternatives) + r")\b"), first, last, hints))
    return out


ERAS = _eras()
#: Cheap necessary conditions of the patterns above, checked first, so that an article
#: without a weekday date, a "published" line or a month before a year never pays for them.
_ANY_YEAR = re.compile(rf"{YEAR}(?!\d)")  # every year the patterns can match, found fast
_PUBLISHED_WORDS = ("publisert", "oppdatert", "dato")
_RANGE_GAP = re.compile(r"\s*(?:[-–/]|til|og)\s*")  # what stands between a range's years
_MONTH_NAMES = tuple(MONTHS)
_WEEKDAY_HINT = re.compile(r"dag\s+\d")  # on lower-cased text: every weekday ends in -dag
assert all(day.endswith("dag") for day in WEEKDAYS)
_WEEKDAY_LENGTHS = sorted({len(day) for day in WEEKDAYS})


def _weekday_dates(text: str, low: str) -> list[re.Match]:
    """`_WEEKDAY_DATE.finditer(text)`, tried only where `_WEEKDAY_HINT` shows a weekday can
    end (`low`: `text` lower-cased). Two matches never overlap (each holds one `-dag` and a
    date after it), so the matches at those places are all of them, in order."""
    if len(low) != len(text):  # lower-casing moved positions (rare letters): scan it all
        return list(_WEEKDAY_DATE.finditer(text))
    found = []
    for hint in _WEEKDAY_HINT.finditer(low):
        for n in _WEEKDAY_LENGTHS:  # the weekday ends with the hint's `dag`
            start = hint.start() + 3 - n
            m = _WEEKDAY_DATE.match(text, start) if start >= 0 else None
            if m is not None:
                found.append(m)
                break
    return found


def _after_month(low: str, start: int) -> bool:
    """A month name and white space stand right before position `start` of lower-cased text
    (a necessary condition of `_FULL_DATE` and `_MONTH_YEAR` there)."""
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


def _full_date_starts(text: str, low: str, year: re.Match) -> list[int]:
    """Where a `_FULL_DATE` ending at `year` can start: one or two digits before `.`, white
    space and the month (`1. mai 2021`)."""
    at = _month_start(text, low, year.start())
    if at is None:
        return []
    while at > 0 and text[at - 1].isspace():
        at -= 1
    return [at - 3, at - 2] if text[at - 1 : at] == "." else []


def _month_year_starts(text: str, low: str, year: re.Match) -> list[int]:
    """Where a `_MONTH_YEAR` ending at `year` can start: at its month (`mai 2021`)."""
    at = _month_start(text, low, year.start())
    return [] if at is None else [at]


def _numeric_date_starts(text: str, low: str, year: re.Match) -> list[int]:
    """Where a `_NUMERIC_DATE` ending at `year` can start: `1.5.2021` to `01.05.2021`."""
    return [year.start() - n for n in (6, 5, 4)]


def _ending_at_years(pattern: re.Pattern, starts, text: str, low: str, years: list[re.Match]) -> list[re.Match]:
    """`pattern.finditer(text)` for a pattern whose every match holds one year, at its end, that
    `_ANY_YEAR` finds (`years`): tried only where `starts` says such a match can start, leftmost
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


def _ranges(text: str, years: list[re.Match]) -> list[re.Match]:
    """`_RANGE.finditer(text)`, tried only at years the next year follows with only a dash,
    `til` or `og` between (`years`: what `_ANY_YEAR` finds): a range's two years are those."""
    found, done = [], 0
    for a, b in zip(years, years[1:]):
        if a.start() >= done and _RANGE_GAP.fullmatch(text, a.end(), b.start()):
            m = _RANGE.match(text, a.start())
            if m is not None and m.end() == b.end():
                found.append(m)
                done = m.end()
    return found


def _scored_dates(text: str, low: str) -> Counter:
    """Scores of the years that dates, ranges and plain years give (`low`: `text` lower-cased)."""
    score: Counter[int] = Counter()
    # the characters inside a date or range already scored (a mask: one look-up a year, where a
    # list of spans searched for every year grew quadratic with the number of dates)
    covered = bytearray(len(text) + 1)

    def cover(a: int, b: int) -> None:
        covered[a:b] = b"\x01" * (b - a)

    found = list(_ANY_YEAR.finditer(text))
    if not found:
        return score
    if any(word in low for word in _PUBLISHED_WORDS):
        for m in _PUBLISHED.finditer(text):
            score[int(m.group(1))] += 5
            cover(*m.span())
    # a range's two years are neighbours among the years found, with only a dash, `til` or `og` between
    if any(_RANGE_GAP.fullmatch(text, a.end(), b.start()) for a, b in zip(found, found[1:])):
        for m in _ranges(text, found):
            score[int(m.group(1))] += 0.5
            cover(*m.span())
    aligned = len(low) == len(text)  # else lower-casing moved positions (rare letters): scan it all
    month_year = not aligned or any(_after_month(low, m.start()) for m in found)
    numeric = any(text[m.start() - 1 : m.start()] == "." for m in found)
    for pattern, weight, possible, starts in ((_FULL_DATE, 2, month_year, _full_date_starts),
                                              (_NUMERIC_DATE, 2, numeric, _numeric_date_starts),
                                              (_MONTH_YEAR, 1, month_year, _month_year_starts)):
        if not possible:
            continue
        for m in _ending_at_years(pattern, starts, text, low, found) if aligned else pattern.finditer(text):
            if covered[m.start()]:
                continue
            year = int(m.groups()[-1])
            cover(*m.span())
            if _AHEAD.search(text[max(0, m.start() - 20) : m.start()]):
                # a change that takes effect (`fra 1. januar 2020`) is often announced the year before
                score[year] += weight / 2
                score[year - 1] += weight / 2
            else:
                score[year] += weight
    for m in found:
        before = text[m.start() - 1] if m.start() else ""
        if before and (before.isdecimal() or before in ",."):  # `_YEAR`'s look-behind
            continue
        if covered[m.start()]:
            continue
        past = _PAST.search(text[max(0, m.start() - 20) : m.start()])
        score[int(m.group())] += 0.3 if past else 1
    return score


def _in_era(pattern: re.Pattern, hints: tuple[str, ...], text: str) -> bool:
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


def infer_year(texts: list[str], today: dt.date | None = None) -> int | None:
    """Most likely year of an article from its paragraph texts, or None."""
    today = today or dt.date.today()
    text = "\n".join(texts)
    low = text.lower()
    score = _scored_dates(text, low)
    weekday_dates = _weekday_dates(text, low)
    if not score and not weekday_dates:
        return None
    # an era matters only for weekday dates or a scored year outside it: often its scan is skipped
    eras = [(a, b) for pattern, a, b, hints in ERAS
            if (weekday_dates or any(not a <= y <= b for y in score)) and _in_era(pattern, hints, text)]
    for m in weekday_dates:
        weekday, day, month = WEEKDAYS[m.group(1).lower()], int(m.group(2)), MONTHS[m.group(3).lower()]
        fits = list(_years_with(weekday, month, day, today.year))
        for a, b in eras:
            fits = [y for y in fits if a <= y <= b] or fits
        if score:
            fits = [y for y in fits if y in score] or fits
        if fits:
            score[max(fits)] += 3
    # years outside an era the text places itself in count half
    for a, b in eras:
        score = Counter({y: (s if a <= y <= b else s / 2) for y, s in score.items()})
    score = Counter({y: s for y, s in score.items() if y <= today.year + 1})
    if not score:
        return None
    best = max(score.values())
    # ties go to the earliest year: KS articles often look ahead (next year's budget, tariff round)
    return min(y for y, s in score.items() if s == best)


@lru_cache(maxsize=4096)
def _years_with(weekday: int, month: int, day: int, last: int) -> tuple[int, ...]:
    """The years from 2010 to `last` in which `day`.`month` falls on `weekday` (cached: the
    same dates recur across articles)."""
    return tuple(y for y in range(2010, last + 1) if _weekday(y, month, day) == weekday)


def _weekday(year: int, month: int, day: int) -> int | None:
    try:
        return dt.date(year, month, day).weekday()
    except ValueError:
        return None
