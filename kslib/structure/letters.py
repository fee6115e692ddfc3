"""The letters Norwegian text is written in, as bodies of regular-expression character classes.

Names and sentences start with a capital, and Norway's names are written in more than æøå:
Sami (á č đ ŋ š ŧ ž), and the letters of the names that the largest immigrant groups write
(Polish ł ś ż, Lithuanian ė ų, Turkish ç ğ ş, ...). `re` has no `\\p{Lu}`, so the classes are
every Latin letter of Unicode's categories Lu and Ll.
"""

from __future__ import annotations

import unicodedata


def _latin_letters(category: str) -> str:
    """Every Latin letter of a Unicode category (`Lu` capitals, `Ll` small letters): Basic Latin,
    Latin-1, Latin Extended-A and -B, Latin Extended Additional. No such letter is special inside
    a character class."""
    return "".join(chr(c) for c in (*range(0x41, 0x250), *range(0x1E00, 0x1F00))
                   if unicodedata.category(chr(c)) == category)


#: Latin capitals, and small letters (character-class bodies: `[{UPPER}]`)
UPPER = _latin_letters("Lu")
LOWER = _latin_letters("Ll")
#: What a sentence starts with after a sentence end and white space: a capital or a digit, maybe
#: after an opening quote or bracket, or a dash (a quote's)
SENTENCE_START = rf"[«\"(]?[{UPPER}0-9–—-]"
