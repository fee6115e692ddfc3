"""Which language an article is written in: bokmål, nynorsk or other.

Most KS articles declare themselves in their function words (`ikkje`, `eg`,
`frå` against `ikke`, `jeg`, `fra`); when those markers are clear the answer
comes from them at once. Anything less clear, or with marks of Danish, Swedish
or English, goes to lingua (offline models, shipped in the wheel) restricted to
the languages KS articles plausibly use, in its low-accuracy mode: that mode loads
only the trigram models, in 0.04 s instead of 0.8 s in every process that needs
them (a rerun after one new file would pay the 0.8 s), and on the paragraphs of the
development articles (120-600 characters, the sample size used here) it gives the
same answers as the full mode. A clear article never loads lingua at all.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from kslib.config import resource_rows
from kslib.structure import _fast_language as fast

#: lingua language name -> code written to `articles.language`.
CODES = {"BOKMAL": "nb", "NYNORSK": "nn"}
CANDIDATES = ("BOKMAL", "NYNORSK", "ENGLISH", "SWEDISH", "DANISH", "GERMAN", "NORTHERN_SAMI")
#: Function words that only one written standard uses (lower case).
#: Words that point away from Norwegian (`foreign`): leave those articles to lingua.
#: Both from `resources/language_markers.tsv`.
_MARKER_ROWS = resource_rows("language_markers.tsv", delimiter="\t")
MARKERS = {kind: frozenset(r["word"] for r in _MARKER_ROWS if r["standard"] == kind) for kind in ("nn", "nb")}
FOREIGN = frozenset(r["word"] for r in _MARKER_ROWS if r["standard"] == "foreign")
_WORD = re.compile(r"[a-zæøåäöéò']+")
#: Each marker (Latin-1 bytes) -> `nn`, `nb` or `foreign`.
_MARKER_OF = {word.encode("latin-1"): kind for kind, words in (*MARKERS.items(), ("foreign", FOREIGN))
              for word in words}


def marker_words(text: str) -> list[bytes]:
    """The words of `text`, lower-cased, as Latin-1 bytes: `_WORD.findall(text.lower())` (the fast
    twin `_fast_language.marker_words` gives the same, and is what `by_markers` uses)."""
    return [w.encode("latin-1") for w in _WORD.findall(text.lower())]


@lru_cache(maxsize=1)
def _detector():
    from lingua import Language, LanguageDetectorBuilder

    langs = [getattr(Language, name) for name in CANDIDATES if hasattr(Language, name)]
    return LanguageDetectorBuilder.from_languages(*langs).with_low_accuracy_mode().build()


def warm_detector() -> None:
    """Load lingua's models (once per process) before worker processes fork, so that they share them."""
    _detector()


def by_markers(text: str) -> str | None:
    """`nb` or `nn` when the function words leave no doubt (two or more that agree, or eight or more
    with four times as many of one standard's as the other's), else None."""
    counts = Counter(map(_MARKER_OF.get, fast.marker_words(text)))
    if counts["foreign"] >= 2:
        return None
    nn, nb = counts["nn"], counts["nb"]
    if nn + nb >= 2 and not (nn and nb):  # a short text whose few markers agree (`vi`, `kommunene`)
        return "nn" if nn else "nb"
    if nn + nb < 8:
        return None
    if nn >= 4 * nb:
        return "nn"
    if nb >= 4 * nn:
        return "nb"
    return None


def detect_language(text: str, max_chars: int = 600) -> str:
    """`nb`, `nn` or `other` for a text: the function words of its first `2 * max_chars`
    characters, else of the whole text (an opening without them, such as a list of names
    and titles, says nothing: lingua took some of those for nynorsk), else lingua on the
    first `max_chars` (on KS articles 600 characters give the same answer as the whole
    text, at a third of the cost)."""
    sample = text[:max_chars]
    if not any(ch.isalpha() for ch in sample):
        return "other"
    quick = by_markers(text[: max_chars * 2])
    if quick is None and len(text) > max_chars * 2:
        quick = by_markers(text)
    if quick is not None:
        return quick
    lang = _detector().detect_language_of(sample)
    if lang is None:
        return "other"
    return CODES.get(lang.name, "other")
