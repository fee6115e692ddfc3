"""Which language an article is written in: bokmål, nynorsk or other.

Uses lingua (offline models, shipped in the wheel) restricted to the languages
KS articles plausibly use, which makes it fast and more accurate than a full scan.
"""

from __future__ import annotations

from functools import lru_cache

#: lingua language name -> code written to `articles.language`.
CODES = {"BOKMAL": "nb", "NYNORSK": "nn"}
CANDIDATES = ("BOKMAL", "NYNORSK", "ENGLISH", "SWEDISH", "DANISH", "GERMAN", "NORTHERN_SAMI")


@lru_cache(maxsize=1)
def _detector():
    from lingua import Language, LanguageDetectorBuilder

    langs = [getattr(Language, name) for name in CANDIDATES if hasattr(Language, name)]
    return LanguageDetectorBuilder.from_languages(*langs).build()


def detect_language(text: str, max_chars: int = 600) -> str:
    """`nb`, `nn` or `other` for a text (the first `max_chars` are enough: on KS articles
    600 characters give the same answer as the whole text, at a third of the cost)."""
    sample = text[:max_chars]
    if not any(ch.isalpha() for ch in sample):
        return "other"
    lang = _detector().detect_language_of(sample)
    if lang is None:
        return "other"
    return CODES.get(lang.name, "other")
