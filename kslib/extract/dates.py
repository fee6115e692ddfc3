"""The year an article reports on, inferred from its text: precision first.

Evidence, strongest first: a weekday with a date (`mandag 22. januar`) fixes
the year among recent ones; full dates (`1. mai 2021`); years written as the
article's own time (`i 2021`, `høsten 2020`, `Debatthefte 2021`, `#valgløfte2023`).
Years that point away from the article's time count little: a point of departure or
comparison (`siden 2015`), a deadline, target or budget year (`innen 2030`,
`statsbudsjettet for 2020`), a plan or document named by a place or series and a year
(`Regionplan Agder 2020`, `NOU 2020: 13`), a law's date, a date something takes effect,
the start of a period (`2024-2027`), the weekday dates of an event the text looks
ahead to (`Landstinget 2024 skal avholdes`: its program's `Tirsdag 13. februar`). A year is given only when its evidence adds up to
`MIN_EVIDENCE` (one date, one `i 2021`): else `<NA>` rather than a guess, and every year
comes with the words that decided it (`articles.year_evidence`).

The finders of dates are written plainly below (`weekday_dates`, `ending_at_years`, `ranges`,
`in_era`); `_fast_dates` holds their fast twins, which the scoring uses.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from functools import lru_cache

from kslib.config import resource_lines, resource_rows
from kslib.extract import _fast_dates as fast
from kslib.resources import gazetteer
from kslib.extract.date_patterns import (
    AHEAD,
    ANY_YEAR,
    ERAS,
    FULL_DATE,
    MONTH_YEAR,
    MONTHS,
    NUMERIC_DATE,
    PUBLISHED,
    PUBLISHED_WORDS,
    RANGE,
    RANGE_GAP,
    WEEKDAY_DATE,
    WEEKDAYS,
)
from kslib.structure.paragraphs import starts_word
from kslib.extract.year_clauses import RETROSPECTIVE, clause, in_clause, in_future_clause, in_requested_clause

#: The words before a year and what they make of it (`resources/year_context.tsv`).
_ROWS = resource_rows("year_context.tsv", delimiter="\t")
CONTEXT = {r["words"]: (r["kind"], float(r["weight"])) for r in _ROWS if not r["words"].startswith("*")}
CONTEXT_WEIGHTS = {r["words"][1:]: float(r["weight"]) for r in _ROWS if r["words"].startswith("*")}
CONTEXT_WHAT = {"past": "a year looked back to", "time": "a year in the text", "part": "a part of a year",
                "aim": "a year aimed at", "document": "a document numbered by year",
                "budget": "the year before a budget year", "since": "a year already past"}
#: The evidence of a year the article has passed (`siden 2015`, `tall fra 2022 viser`).
ALREADY_PAST = CONTEXT_WHAT["since"]
#: A year cited as a source that shows something now (`Tall fra 2022 viser`, nynorsk `syner`).
SOURCE_SHOWS = re.compile(r"\s+(?:viser|viste|syner|synte)(?!\w)", re.I)
#: The evidence that speaks for the year before the one written (a budget is proposed the year before).
YEAR_BEFORE = CONTEXT_WHAT["budget"]
#: A year of the article's own time in a clause of the future (`skal holdes i 2024`).
LOOKED_AHEAD = "the year before a year looked ahead to"
#: The evidence given to the year before the one written: a budget year, and a year looked ahead to
#: (written most often the year before: measured on seeds, dev and dev2 on 2026-12-07, 5 of 8 such
#: years were the gold's year + 1, one the same year; it counts half, so that alone it gives no year).
FOR_YEAR_BEFORE = (YEAR_BEFORE, LOOKED_AHEAD)
#: A weekday date that falls in a year the text looks ahead to: a day of the event ahead.
WEEKDAY_AHEAD = "the year before the days of an event looked ahead to"
GLUED = "a year glued to a word"  #: `i2015`: a typo's year, weighed as `*glued` says
#: The kinds that make a year the article's own time, which a word of the future in its clause undoes.
OWN_TIME = ("a year in the text", "a part of a year", "a thing named by its year")
CONTEXT_BEFORE = re.compile(r"(?:^|(?<=\W))(" + "|".join(re.escape(w) for w in sorted(CONTEXT, key=len, reverse=True))
                            + r")\s+$", re.I)
LAST_WORD = re.compile(r"(?:^|(?<=\W))([^\W\d_]+)\s+$")
LAST_WORDS = re.compile(r"(?:[^\W\d_]+[ -]){0,3}[^\W\d_]+\s+$")  # up to four words: a place's name
#: A year is given only when its evidence adds up to this much and no other year has as much:
#: one date, one "i 2021", one thing named by its year; a deadline, a comparison or the start
#: of a period alone is not enough (`resources/year_context.tsv`).
MIN_EVIDENCE = 1.0
#: A period of a term or plan (`for perioden 2019-2023`, `for 2024 til 2027`; nynorsk alike): the
#: words before it (`resources/term_periods.txt`), and the years it spans (an election term or a
#: strategy: 3 to 4; a statistics period, `for perioden 2004 til 2022`, is most often longer).
_TERM_WORDS = resource_lines("term_periods.txt")
TERM_BEFORE = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(w) for w in _TERM_WORDS if not w.startswith("-"))
                         + r")\s+$", re.I)
#: the words before those that make it a period decided before it starts (`økonomiplan for 2024-2027`)
NOT_TERM = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(w[1:]) for w in _TERM_WORDS if w.startswith("-"))
                      + r")\s+$", re.I)
TERM_SPAN = (3, 4)
#: between a period's first and last date (`september 2019 til februar 2020`, `1. mars–1. mai 2021`)
PERIOD_GAP = re.compile(r"\s*(?:[-–—]|til)\s*")
#: a date followed by a number (`lov 15. juni 2001 nr. 70`) is the date of a law or regulation
LAW_NUMBER = re.compile(r"\s*nr\.?\s*\d")
LAW_WEIGHT = CONTEXT_WEIGHTS["place"]
def _scored_dates(text: str, low: str, why: dict | None = None) -> Counter:
    """Scores of the years that dates, ranges and plain years give (`low`: `text` lower-cased);
    `why`, when given, collects each year's evidence as (weight, what, words)."""
    score: Counter[int] = Counter()

    def note(year: int, weight: float, what: str, a: int, b: int) -> None:
        if why is not None:
            why.setdefault(year, []).append((weight, what, " ".join(text[a:b].split())))
    # the characters inside a date or range already scored (a mask: one look-up a year, where a
    # list of spans searched for every year grew quadratic with the number of dates)
    covered = bytearray(len(text) + 1)

    def cover(a: int, b: int) -> None:
        covered[a:b] = b"\x01" * (b - a)

    found = list(ANY_YEAR.finditer(text))
    if not found:
        return score
    if any(word in low for word in PUBLISHED_WORDS):
        for m in PUBLISHED.finditer(text):
            year = int(m.group(1) or m.group(2))
            score[year] += 5
            note(year, 5, "a published line", *m.span())
            cover(*m.span())
    # a range's two years are neighbours among the years found, with only a dash, `til` or `og` between
    if any(RANGE_GAP.fullmatch(text, a.end(), b.start()) for a, b in zip(found, found[1:])):
        for m in fast.ranges(text, found):
            first, last = int(m.group(1)), int(m.group(2))
            if TERM_SPAN[0] <= last - first <= TERM_SPAN[1] and is_term(text, m.start()) \
                    and not in_future_clause(text, m.start(), m.end()):
                # `fylkesmøte for perioden 2019-2023`, `prioriteringer for 2024 til 2027`: a term or
                # plan period is written about as it starts
                score[first] += 1
                note(first, 1, "the start of a term", *m.span())
            else:
                score[first] += 0.5
                note(first, 0.5, "the start of a period", *m.span())
            cover(*m.span())
    aligned = len(low) == len(text)  # else lower-casing moved positions (rare letters): scan it all
    month_year = not aligned or any(fast.after_month(low, m.start()) for m in found)
    numeric = any(text[m.start() - 1 : m.start()] == "." for m in found)
    for pattern, weight, possible, starts in ((FULL_DATE, 2, month_year, fast.full_date_starts),
                                              (NUMERIC_DATE, 2, numeric, fast.numeric_date_starts),
                                              (MONTH_YEAR, 1, month_year, fast.month_year_starts)):
        if not possible:
            continue
        for m in fast.ending_at_years(pattern, starts, text, low, found) if aligned else pattern.finditer(text):
            if covered[m.start()]:
                continue
            year = int(m.groups()[-1])
            cover(*m.span())
            gap = PERIOD_GAP.match(text, m.end())
            if gap and any(p.match(text, gap.end()) for p in (FULL_DATE, NUMERIC_DATE, MONTH_YEAR)):
                # `september 2019 til februar 2020`: a period's first date counts as the start of a
                # period; its last is the date the text has reached
                score[year] += 0.5
                note(year, 0.5, "the start of a period", *m.span())
            elif LAW_NUMBER.match(text, m.end()):
                score[year] += LAW_WEIGHT
                note(year, LAW_WEIGHT, "the date of a law", *m.span())
            elif AHEAD.search(text[max(0, m.start() - 20) : m.start()]):
                # a change that takes effect (`fra 1. januar 2020`, `trådde i kraft 1. januar 2022`)
                # is written about the year before as often as the year itself: the date counts
                # half, shared between the two, so that it alone gives no year
                score[year] += weight / 4
                score[year - 1] += weight / 4
                note(year, weight / 4, "a date something takes effect", *m.span())
                note(year - 1, weight / 4, "the year before a date something takes effect", *m.span())
            else:
                score[year] += weight
                note(year, weight, "a date", *m.span())
    for m in found:
        before = text[m.start() - 1] if m.start() else ""
        if before and (before.isdecimal() or before in ",."):  # `PLAIN_YEAR`'s look-behind
            continue
        if covered[m.start()]:
            continue
        weight, what, start = year_context(text, m.start())
        year = int(m.group()) - (what in FOR_YEAR_BEFORE)
        score[year] += weight
        note(year, weight, what, start, m.end())
    return score


def year_context(text: str, at: int) -> tuple[float, str, int]:
    """(weight, what it is, where its words start) of the plain year at `at`: `_year_words`, and
    a year of the article's own time (`i 2022`, `Landstinget 2024`) in a clause with a word of
    the future (`veksten ville bli ... i 2022`, `skal holdes`) counts as a year looked ahead to
    (half, for the year before), a budget year in a clause a request opens as little as an aim."""
    weight, what, start = _year_words(text, at)
    bounds = clause(text, at, at + 4) if what in OWN_TIME or what == GLUED else None
    if what in OWN_TIME and in_future_clause(text, at, at + 4, bounds):
        return CONTEXT_WEIGHTS["ahead"], LOOKED_AHEAD, start
    if bounds and in_clause(RETROSPECTIVE, text, at, at + 4, bounds):
        # `ble opprinnelig lansert i 2015`: a year the article looks back on
        return CONTEXT["siden"][1], ALREADY_PAST, start
    if what == YEAR_BEFORE and weight > CONTEXT_WEIGHTS["ahead"] and in_requested_clause(text, at):
        # a budget asked for (`ber om at det i forslaget til statsbudsjett for 2022 vurderes`) is
        # still to come: written earlier than the year before it, so it counts as little as an aim
        return CONTEXT_WEIGHTS["aim"], what, start
    return weight, what, start


def is_term(text: str, at: int) -> bool:
    """Whether the period of years at `at` is named as a term or plan period (`for perioden
    2019-2023`), not as one decided before it starts (`økonomiplan for 2024-2027`)."""
    before = TERM_BEFORE.search(text, max(0, at - 40), at)
    return before is not None and NOT_TERM.search(text, max(0, before.start() - 40), before.start()) is None


def _year_words(text: str, at: int) -> tuple[float, str, int]:
    """(weight, what it is, where its words start) of the plain year at `at`, from the words
    just before it (`resources/year_context.tsv`): `i 2021` counts 1, `innen 2030` or
    `sammenlignet med 2016` little, `Debatthefte 2021` (a thing named by its year) 1,
    `Regionplan Agder 2020` (a place and a year: a plan's name) little."""
    if at and text[at - 1].isalpha():
        return CONTEXT_WEIGHTS["glued"], GLUED, at
    if text[at + 4 : at + 5] == ")" and (text[at - 1 : at] == "(" or text[at - 2 : at] == ", "):
        return CONTEXT_WEIGHTS["cited"], "a source cited with its year", at - 1
    window = text[max(0, at - 40) : at]
    m = CONTEXT_BEFORE.search(window)
    if m:
        kind, weight = CONTEXT[m.group(1).lower()]
        start = at - len(window) + m.start(1)
        if kind == "past" and m.group(1).lower() in ("fra", "frå") and SOURCE_SHOWS.match(text, at + 4):
            kind = "since"  # `tall fra 2022 viser`: a source of that year, cited as there
        if kind == "part":  # `innen sommeren 2021`: the word before the part decides
            before = CONTEXT_BEFORE.search(window[: m.start(1)])
            if before and CONTEXT[before.group(1).lower()][0] in ("past", "since", "aim"):
                kind, weight = CONTEXT[before.group(1).lower()][0], min(weight, CONTEXT[before.group(1).lower()][1])
                start = at - len(window) + before.start(1)
        return weight, CONTEXT_WHAT[kind], start
    words = LAST_WORDS.search(window)
    if words:
        place = _place_before(words.group(0).rstrip())
        if place:
            return CONTEXT_WEIGHTS["place"], "a place's plan or body named by year", at - len(place) - (
                len(words.group(0)) - len(words.group(0).rstrip()))
    word = LAST_WORD.search(window)
    if word:
        return CONTEXT_WEIGHTS["name"], "a thing named by its year", at - len(window) + word.start(1)
    return 1.0, "a year in the text", at


def _place_before(words: str) -> str | None:
    """The longest run of the last words of `words` that names a place in the gazetteer."""
    parts = words.split(" ")
    forms = gazetteer.entries()
    for k in range(len(parts)):
        candidate = " ".join(parts[k:])
        if candidate[:1].isupper() and candidate in forms:
            return candidate
    return None


def infer_year(texts: list[str], today: dt.date | None = None) -> int | None:
    """Most likely year of an article from its paragraph texts, or None."""
    return infer_year_evidence(texts, today)[0]


def infer_year_evidence(texts: list[str], today: dt.date | None = None) -> tuple[int | None, str | None]:
    """(year, the evidence that decided it) of an article from its paragraph texts, or
    (None, None) when the text does not tell: the evidence names its kinds and words, e.g.
    `a weekday with a date: «Mandag 22. januar»; a date: «22. januar 2018»`."""
    today = today or dt.date.today()
    text = "\n".join(texts)
    low = text.lower()
    why: dict = {}
    score = _scored_dates(text, low, why)
    weekday_dates = fast.weekday_dates(text, low)
    if not score and not weekday_dates:
        return None, None
    # an era matters only for weekday dates or a scored year outside it: often its scan is skipped
    eras = [(a, b) for pattern, a, b, hints in ERAS
            if (weekday_dates or any(not a <= y <= b for y in score)) and fast.in_era(pattern, hints, text)]
    # the years the text looks ahead to (`Landstinget 2024 skal avholdes`): a weekday date that
    # falls in one is a day of the event ahead, and counts as that year does, half for the year before
    ahead = {y + 1 for y, items in why.items() if any(what == LOOKED_AHEAD for _, what, _ in items)}
    for m in weekday_dates:
        weekday, day, month = WEEKDAYS[m.group(1).lower()], int(m.group(2)), MONTHS[m.group(3).lower()]
        fits = list(_years_with(weekday, month, day, today.year))
        for a, b in eras:
            fits = [y for y in fits if a <= y <= b] or fits
        if score:
            fits = [y for y in fits if y in score or y in ahead] or fits
        if fits and max(fits) in ahead:
            score[max(fits) - 1] += 1.5
            why.setdefault(max(fits) - 1, []).append((1.5, WEEKDAY_AHEAD, " ".join(m.group(0).split())))
        elif fits:
            score[max(fits)] += 3
            why.setdefault(max(fits), []).append((3, "a weekday with a date", " ".join(m.group(0).split())))
    raw = Counter(score)  # the evidence as found, before the eras weigh it
    # years outside an era the text places itself in count half
    for a, b in eras:
        score = Counter({y: (s if a <= y <= b else s / 2) for y, s in score.items()})
    score = Counter({y: s for y, s in score.items() if y <= today.year + 1})
    if not score:
        return None, None
    best = max(score.values())
    # ties go to a year inside an era the text names, then to the earliest year: KS articles
    # often look ahead (next year's budget, tariff round)
    year = min((y for y, s in score.items() if s == best),
               key=lambda y: (not any(a <= y <= b for a, b in eras), y))
    if raw[year] < MIN_EVIDENCE:
        return None, None  # the evidence is weak: missing rather than guessed
    if any(y > year and what == ALREADY_PAST for y, items in why.items() for _, what, _ in items):
        return None, None  # the text looks back on a later year (`tall fra 2022 viser`): not this one
    strongest = sorted(why.get(year, []), key=lambda e: -e[0])[:3]
    return year, "; ".join(f"{what}: «{words}»" for _, what, words in strongest) or None


def year_from_url(url: str | None) -> tuple[int | None, str | None]:
    """(year, evidence) the page's own name in its address (the last part of the path, written
    from its headline) names, read by the rules of the text: `.../bli-med-pa-barometeret-2024/`
    gives 2024 (a thing named by its year), `.../statsbudsjettet-2020/` no year (a budget year
    alone). The folders the site files a page under (`/konsultasjonsmoter-2023/...`) are not the
    article's text: on dev and dev2 their year was the gold's in 3 of 5 pages, the name's in 2 of 2."""
    from urllib.parse import urlsplit

    if not isinstance(url, str) or not re.search(r"\d{4}", url):
        return None, None
    parts = [part for part in urlsplit(url).path.split("/") if part]
    if not parts:
        return None, None
    year, evidence = infer_year_evidence([parts[-1].replace("-", " ")])
    return year, (f"the page's address: {evidence}" if year is not None else None)


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


# -- the finders, plainly: each scans the whole text; `_fast_dates` has their fast twins --------------
def weekday_dates(text: str, low: str) -> list[re.Match]:
    """Weekday dates (`mandag 22. januar`, no year after): `WEEKDAY_DATE` over the text."""
    return list(WEEKDAY_DATE.finditer(text))


def ending_at_years(pattern: re.Pattern, starts, text: str, low: str, years: list[re.Match]) -> list[re.Match]:
    """The dates of `pattern` (`FULL_DATE`, `NUMERIC_DATE`, `MONTH_YEAR`) over the text."""
    return list(pattern.finditer(text))


def ranges(text: str, years: list[re.Match]) -> list[re.Match]:
    """Year ranges (`2024-2027`, `2024 til 2027`) over the text."""
    return list(RANGE.finditer(text))


def in_era(pattern: re.Pattern, hints: tuple[str, ...], text: str) -> bool:
    """An era's pattern matches at the start of a word somewhere in the text."""
    return any(m is not None for m in (pattern.match(text, i) for i in range(len(text)) if starts_word(text, i)))
