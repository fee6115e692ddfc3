"""The patterns of dates in Norwegian text: month and weekday names, years, full, numeric and
weekday dates, ranges, a "published" line, and the eras an article can place itself in."""

from __future__ import annotations

import re

from kslib.config import resource_rows

#: Month names -> 1-12 and weekday names -> 0-6 (Monday 0), bokmål and nynorsk, and decade words
#: (`resources/calendar.tsv`).
_CALENDAR = resource_rows("calendar.tsv", delimiter="\t")
MONTHS = {r["word"]: int(r["number"]) for r in _CALENDAR if r["kind"] == "month"}
WEEKDAYS = {r["word"]: int(r["number"]) for r in _CALENDAR if r["kind"] == "weekday"}
#: A decade word after a year's hyphen (`1990-tallet`, `2020-årene`): the year names a decade.
_DECADE = "(?i:" + "|".join(r["word"] for r in _CALENDAR if r["kind"] == "decade") + r")(?!\w)"
#: A year of 1980-2049 that is not a decade's (`på 1990-tallet`, `1990- og 2000-tallet`).
YEAR = rf"(?:19[89]\d|20[0-4]\d)(?!-{_DECADE}|-,?\s+(?:og|eller|til)\s+\d{{4}}-{_DECADE})"
RANGE = re.compile(rf"(?<!\d)({YEAR})\s*(?:[-–/]|til|og)\s*({YEAR})(?!\d)")
FULL_DATE = re.compile(rf"\b\d{{1,2}}\.\s*({'|'.join(MONTHS)})\s+({YEAR})\b", re.I)
WEEKDAY_DATE = re.compile(rf"\b({'|'.join(WEEKDAYS)})\s+(\d{{1,2}})\.\s*({'|'.join(MONTHS)})\b(?!\s+{YEAR})", re.I)
PLAIN_YEAR = re.compile(rf"(?<![\d,.])({YEAR})(?![\d])")
NUMERIC_DATE = re.compile(rf"\b\d{{1,2}}\.\d{{1,2}}\.({YEAR})\b")
#: a published or updated line: `Publisert: 16.08.2023`, `12. mars 2021`, `12/03/2021`, or `2021-03-12` (ISO 8601)
PUBLISHED = re.compile(rf"\b(?:publisert|oppdatert|dato)\s*:?\s*(?:\d{{1,2}}[./]\s*(?:\d{{1,2}}[./]|\w+)\s*({YEAR})"
                       rf"|({YEAR})-[01]\d-[0-3]\d\b)", re.I)
MONTH_YEAR = re.compile(rf"\b({'|'.join(MONTHS)})\s+({YEAR})\b", re.I)
#: a date after these words is when something takes effect, often written about ahead of time
AHEAD = re.compile(r"\b(?:fra|frå|fra og med|f\.o\.m\.|innen|innan|i kraft|i kraft frå|i kraft fra)\s+$", re.I)


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
ANY_YEAR = re.compile(rf"{YEAR}(?!\d)")  # every year the patterns can match, found fast
PUBLISHED_WORDS = ("publisert", "oppdatert", "dato")
RANGE_GAP = re.compile(r"\s*(?:[-–/]|til|og)\s*")  # what stands between a range's years
