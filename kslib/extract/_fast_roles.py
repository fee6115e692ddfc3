"""Fast twin of `roles.clause_before` (same arguments, same words): it reads back from the name only
as far as the clause needs, with the stops and commas of a text found once, so that a text of
thousands of names takes linear time."""

from __future__ import annotations

from bisect import bisect_right
from functools import lru_cache

from kslib.extract.clauses import ROLE_STOP


@lru_cache(maxsize=8)
def _stops_and_commas(text: str) -> tuple[list[int], list[int]]:
    """Where each `ROLE_STOP` match of `text` ends, and where each comma stands (both sorted):
    found once per text, not once per name in it."""
    commas, at = [], text.find(",")
    while at >= 0:
        commas.append(at)
        at = text.find(",", at + 1)
    return [m.end() for m in ROLE_STOP.finditer(text)], commas


def _last_words(text: str, lo: int, hi: int, k: int) -> tuple[list[str], bool]:
    """(`text[lo:hi].split()[-k:]`, whether that is every word), reading back from `hi` only
    as far as `k` whole words need."""
    width = 256
    while True:
        a = max(lo, hi - width)
        words = text[a:hi].split()
        if a == lo:
            return words[-k:], len(words) <= k
        if len(words) > k:  # the window's first word may be cut: it is not among the last k
            return words[-k:], False
        width *= 4


def _clause_start(text: str, end: int) -> int:
    """Where the clause that ends at `end` starts: after the last `ROLE_STOP` match and the
    last comma (with its spaces) before `end`, as `COMMA.split(ROLE_STOP.split(text[:end])[-1])[-1]`."""

    stops, commas = _stops_and_commas(text)
    i = bisect_right(stops, end)
    start = stops[i - 1] if i else 0
    j = bisect_right(commas, end - 1)
    if j and commas[j - 1] >= start:
        start = commas[j - 1] + 1
    return start


def clause_before(text: str, start: int) -> tuple[bool, list[str]]:
    """`roles.clause_before`, read back from `start`."""
    end = start
    while end and text[end - 1].isspace():
        end -= 1
    if end and text[end - 1] == ",":
        return True, _last_words(text, _clause_start(text, end - 1), end - 1, 13)[0]
    return False, _last_words(text, _clause_start(text, end), end, 6)[0]
