"""Paragraphs to sentences."""

from __future__ import annotations

import re
from functools import lru_cache

from kslib.config import resource_lines
from kslib.structure import _fast_sentences as fast
from kslib.structure.letters import SENTENCE_START

_DAY_NUMBER = re.compile(r"\d{1,2}")  # `3.` in `3. mai` ends no sentence


@lru_cache(maxsize=1)
def abbreviations() -> frozenset[str]:
    return frozenset(ln.lower() for ln in resource_lines("abbreviations.txt"))


_SPLIT = re.compile(rf"(?<=[.!?…»\"])\s+(?={SENTENCE_START})")
def split_after_ends(text: str) -> list[str]:
    """The text cut at the white space after a sentence end: `_SPLIT.split(text)` (the fast twin
    `_fast_sentences.split_after_ends` gives the same, and is what `split_sentences` uses)."""
    return _SPLIT.split(text)


def split_sentences(paragraph: str) -> list[str]:
    """Split a paragraph into sentences.

    Splits after `.`, `!`, `?` or `…` before an upper-case start, but not after a
    known abbreviation (`bl.a.`, `f.eks.`, `adm.dir.`) or an initial; a leading dash
    stays with its own sentence.
    """
    parts = fast.split_after_ends(paragraph.strip())
    abbr = abbreviations()
    out: list[str] = []
    pending: list[str] = []  # the parts merged into the last sentence, joined once (not at every merge)
    for part in parts:
        if out:
            prev = pending[-1] if pending else out[-1]  # a part is never blank: the last word is its last part's
            last = prev.rsplit(None, 1)[-1].rstrip(".").lower() if prev.endswith(".") else ""
            is_abbr = last in abbr or (len(last) == 1 and last.isalpha()) or _DAY_NUMBER.fullmatch(last)
            if is_abbr and part[:1] not in "–—-«":
                pending.append(part)
                continue
            if pending:
                out[-1] = " ".join([out[-1], *pending])
                pending = []
        out.append(part)
    if pending:
        out[-1] = " ".join([out[-1], *pending])
    return [s for s in out if s]
