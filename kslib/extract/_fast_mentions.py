"""Fast twin of `mentions.word_starts` (same arguments, same positions)."""

from __future__ import annotations

from kslib.structure.paragraphs import is_word_char


def word_starts(text: str, word: str) -> list[int]:
    """`mentions.word_starts`, found with `str.find` instead of a scan of every word.

    The same positions as `m.start() for m in _WORD.finditer(text) if m.group() == word`,
    found with `str.find`: a `_WORD` match starts where neither a word character nor a
    hyphen joined to one precedes, and ends where neither follows."""
    n, pos, found = len(text), 0, []
    while (start := text.find(word, pos)) >= 0:
        pos = start + 1
        end = start + len(word)
        if start and (is_word_char(text[start - 1])
                      or (text[start - 1] == "-" and start > 1 and is_word_char(text[start - 2]))):
            continue
        if end < n and (is_word_char(text[end])
                        or (text[end] == "-" and end + 1 < n and is_word_char(text[end + 1]))):
            continue
        found.append(start)
    return found
