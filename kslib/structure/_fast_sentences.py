"""Fast twin of `sentences.split_after_ends` (same argument, same parts)."""

from __future__ import annotations

import re

from kslib.structure.letters import SENTENCE_START

#: `sentences._SPLIT` with its look-behind's character matched instead: `re` then skips quickly
#: to the sentence ends (a test checks this twin against `sentences.split_after_ends`).
_END_THEN_SPACE = re.compile(rf"[.!?…»\"]\s+(?={SENTENCE_START})")


def split_after_ends(text: str) -> list[str]:
    """`sentences.split_after_ends`: the text cut at the white space after a sentence end."""
    parts, pos = [], 0
    for m in _END_THEN_SPACE.finditer(text):
        parts.append(text[pos : m.start() + 1])
        pos = m.end()
    parts.append(text[pos:])
    return parts
