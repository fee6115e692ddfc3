"""What the clause around a year says of its time: the future (`skal holdes i 2024`), a request
(`ber om at ... i 2022`: still to come), a look back (`ble opprinnelig lansert i 2015`). The
words are in `resources/future_markers.txt` and `resources/retrospective_markers.txt`."""

from __future__ import annotations

import re

from kslib.config import resource_lines
from kslib.structure.letters import SENTENCE_START

_FUTURE_WORDS = sorted(resource_lines("future_markers.txt"), key=len, reverse=True)


def _phrases(words: list[str]) -> str:
    """Phrases as one alternation: whitespace between their words, `…` for up to three words."""
    return "|".join(r"\s+".join(re.escape(part) for part in w.split()).replace(r"\s+…\s+", r"\s+(?:\w+\s+){0,3}?")
                    for w in words)


_RETROSPECTIVE_WORDS = sorted(resource_lines("retrospective_markers.txt"), key=len, reverse=True)
#: Words that put a clause in the past seen from the article (`resources/retrospective_markers.txt`).
RETROSPECTIVE = re.compile(r"(?<!\w)(?:" + _phrases(_RETROSPECTIVE_WORDS) + r")(?!\w)", re.I)
#: Words that put a clause in the future (`resources/future_markers.txt`), as whole words.
FUTURE = re.compile(r"(?<!\w)(?:" + _phrases(_FUTURE_WORDS) + r")(?!\w)", re.I)
#: The first word of each phrase of a pattern, in lower case: a clause without any of them has none
_HINTS = {pattern: tuple(sorted({w.split()[0].lower() for w in words}))
          for pattern, words in ((RETROSPECTIVE, _RETROSPECTIVE_WORDS), (FUTURE, _FUTURE_WORDS))}
#: Those that end in `at` put the clause that `at` opens in the future (`ber om at ... i 2022`).
FUTURE_OPENS = re.compile(r"(?<!\w)(?:" + _phrases([w for w in _FUTURE_WORDS if w.endswith(" at")]) + r")$", re.I)
#: Where a clause ends: a sentence's end (`.`, `!`, `?`, `…` before a capital, a digit or a dash,
#: so not the point of `mill. kroner` or `5. mai`), a colon or semicolon, a line break, a comma
#: before a space, and the conjunctions that start another clause (`at`, `som`, `men`, ...;
#: bokmål and nynorsk; not `og` or `om`, which as often join two words).
CLAUSE_END = re.compile(rf"[.!?…](?=\s+{SENTENCE_START})|[;:\n]|,\s|(?<!\w)(?i:at|som|men|der|når|fordi|dersom|hvis|viss|slik at"
                        r"|sjølv om|selv om)(?!\w)")
#: How far a clause reaches at most on either side of a year.
CLAUSE_REACH = 200


def in_future_clause(text: str, a: int, b: int, bounds: tuple[int, int] | None = None) -> bool:
    """Whether the clause around `text[a:b]` (bounded by `CLAUSE_END`, at most `CLAUSE_REACH`
    characters either side; `bounds`, when `clause` gave them already) has a word of the future
    (`FUTURE`), or is opened by one (`FUTURE_OPENS`: `ber om at`)."""
    bounds = bounds or clause(text, a, b)
    return in_requested_clause(text, a, bounds[0]) or in_clause(FUTURE, text, a, b, bounds)


def in_clause(words: re.Pattern, text: str, a: int, b: int, bounds: tuple[int, int] | None = None) -> bool:
    """Whether the clause around `text[a:b]` has one of `words` (`FUTURE`, `RETROSPECTIVE`): the
    same as `in_clause_plain`, but a clause that holds none of their first words, in lower case,
    is passed over without the pattern (tried at every character, it cost a year 10 µs)."""
    start, end = bounds or clause(text, a, b)
    hints = _HINTS.get(words)
    if hints is not None:
        low = text[start:end].lower()
        if not any(h in low for h in hints):
            return False
    return words.search(text, start, end) is not None


def in_clause_plain(words: re.Pattern, text: str, a: int, b: int) -> bool:
    """Whether the clause around `text[a:b]` (`clause`) has one of `words`: the rule."""
    start, end = clause(text, a, b)
    return words.search(text, start, end) is not None


def clause(text: str, a: int, b: int) -> tuple[int, int]:
    """(start, end) of the clause around `text[a:b]`: bounded by `CLAUSE_END`, at most
    `CLAUSE_REACH` characters either side."""
    after = CLAUSE_END.search(text, b, min(len(text), b + CLAUSE_REACH))
    return _clause_start(text, a), after.start() if after else min(len(text), b + CLAUSE_REACH)


def _clause_start(text: str, a: int) -> int:
    """Where the clause around `text[a]` starts (`CLAUSE_END`, at most `CLAUSE_REACH` back)."""
    lo = max(0, a - CLAUSE_REACH)
    ends = [m.end() for m in CLAUSE_END.finditer(text, lo, a)]
    return ends[-1] if ends else lo


def in_requested_clause(text: str, a: int, start: int | None = None) -> bool:
    """Whether the clause around `text[a]` is the one a request opens (`FUTURE_OPENS`: `ber om at
    det ... i 2022`); `start`: where that clause starts, when known."""
    start = _clause_start(text, a) if start is None else start
    return start > 0 and FUTURE_OPENS.search(text, max(0, start - 40), start) is not None
