"""Fast twin of simplemma's affix decomposition (same token, same lemma).

A word the word lists do not hold (most often a new compound: `kommuneøkonomiutvalget`)
reaches simplemma's `AffixDecompositionStrategy._affix_decomposition`, which looks up every
prefix of the word, longest first, and its reverse-cased form: two trie lookups per
letter, most of the time lost on prefixes that are no word (`kommuneøkonomiutvalge`,
`kommuneøkonomiutvalg`, ...). A MARISA trie lists in one call the prefixes of a word that
are keys; `PrefixFilteredAffix` tries only those, in the same order, with simplemma's own
lookups, so it finds the same first part and returns the same lemma. It is used only where
that holds by construction: the nb/nn word lists as tries, and a token of lower-case Latin
letters, digits and hyphens (no apostrophe: simplemma then tries variants; no letter whose
case mapping changes the length). Anything else goes to simplemma's own method. The prefixes
come from a trie of the word list's keys with their first letter lower-cased (one call finds
those held as written and those held capitalised), built once per machine into the user
cache folder.
`tests/test_fast_paths.py` checks the twin against simplemma on generated compounds.
"""

from __future__ import annotations

import re

from simplemma.strategies.affix_decomposition import AffixDecompositionStrategy

#: Tokens whose prefixes' reverse-cased forms are the prefixes of the token's `capitalize()`:
#: lower-case letters with a one-letter capital (ß, whose capital is two letters, is left out),
#: digits and hyphens.
_SAFE = re.compile(r"[a-z0-9à-öø-ÿ-]+")
_LANGS = frozenset({"nb", "nn"})
#: how many lookups of parts a strategy remembers
_MAX_LOOKUPS = 500_000


class PrefixFilteredAffix(AffixDecompositionStrategy):
    """simplemma's affix decomposition trying as first part only the prefixes in the word list."""

    __slots__ = ("_lookups", "_prefix_tries")

    def __init__(self, greedy: bool, dictionary_lookup) -> None:
        super().__init__(greedy, dictionary_lookup)
        #: (part, lang) -> the lookup of it (None: no key)
        self._lookups: dict[tuple[str, str], str | None] = {}
        #: lang -> the trie of its keys with the first letter lower-cased (see `_prefixes`)
        self._prefix_tries: dict[str, object] = {}

    def _trie(self, lang: str):
        """The MARISA trie behind `lang`'s word list, or None (another dictionary factory)."""
        if lang not in _LANGS:
            return None
        mapping = self._dictionary_lookup._dictionary_factory.get_dictionary(lang)
        return getattr(mapping, "_trie", None)

    def _lookup(self, word: str, lang: str) -> str | None:
        """simplemma's dictionary lookup of a first or second part, remembered per process
        (the same endings, `-utvalget`, `-møtet`, come back in every new compound)."""
        key = (word, lang)
        lookups = self._lookups
        if key in lookups:
            return lookups[key]
        lemma = self._dictionary_lookup.get_lemma(word, lang)
        if len(lookups) < _MAX_LOOKUPS:
            lookups[key] = lemma
        return lemma

    def _prefixes(self, lang: str):
        """The keys of `lang`'s word list with their first letter lower-cased (`first_lowered`),
        as a plain MARISA trie: the prefixes of a lower-case token it holds are those the word
        list holds as written or capitalised, in one call on a trie of keys alone (a tenth of
        the time of the two calls on the word list's own trie of keys and lemmas). Built once per
        machine and word list, kept in the user cache folder; None when it cannot be had."""
        if lang not in self._prefix_tries:
            self._prefix_tries[lang] = _prefix_trie(lang, self._trie(lang))
        return self._prefix_tries[lang]

    def _affix_decomposition(self, token: str, lang: str, max_affix_len: int = 0,
                             min_complem_len: int = 0) -> str | None:
        trie = self._trie(lang)
        if trie is None or _SAFE.fullmatch(token) is None:
            return super()._affix_decomposition(token, lang, max_affix_len, min_complem_len)
        # simplemma's lookup of a prefix finds it as written or reverse-cased (capitalised):
        # exactly the keys among the prefixes of the token and of the capitalised token
        prefixes = self._prefixes(lang)
        if prefixes is not None:
            lengths = {len(p) for p in prefixes.prefixes(token)}
        else:
            lengths = {len(p) for p in trie.prefixes(token)}
            lengths.update(len(p) for p in trie.prefixes(token.capitalize()))
        n = len(token)
        lookup = self._lookup
        # simplemma's loop over count = letters cut off the end (1, 2, ... while the first part
        # keeps `min_complem_len` letters), taking only the cuts whose first part is a key
        for length in sorted(lengths, reverse=True):
            count = n - length
            if count < 1:
                continue
            if length < min_complem_len:
                break
            part1 = token[:-count]
            lempart1 = lookup(part1, lang)
            if lempart1 is None:
                continue
            if count <= max_affix_len:
                return lempart1
            part2 = token[-count:]
            if token[0].isupper():  # never for a _SAFE token; kept as in simplemma
                part2 = part2.capitalize()
            lempart2 = lookup(part2, lang)
            if lempart2 is None:
                continue
            if len(lempart2) < len(part2) + max_affix_len:
                return part1 + lempart2.lower()
        return None


def first_lowered(key: str) -> str:
    """A key with its first letter lower-cased where that letter and its lower case map to each
    other one to one (`Østfold` -> `østfold`); any other key as it is. For a token of `_SAFE`
    letters, `first_lowered(key) == token[:k]` exactly when `key` is `token[:k]` or
    `token[:k].capitalize()`."""
    first = key[:1]
    low = first.lower()
    if low != first and len(low) == 1 and low.upper() == first:
        return low + key[1:]
    return key


def _prefix_trie(lang: str, trie):
    """The trie of `first_lowered` keys of `trie` (`lang`'s word list): read from the user cache
    folder, else built (a second or two) and written there for the next process; None without
    a word-list trie."""
    if trie is None:
        return None
    import marisa_trie

    path = _prefix_trie_path(lang, len(trie))
    if path is not None and path.is_file():
        try:
            return marisa_trie.Trie().mmap(str(path))
        except Exception:  # a damaged file: built again below
            pass
    built = marisa_trie.Trie(first_lowered(k) for k in trie.iterkeys())
    if path is not None:
        _save(built, path)
    return built


def _prefix_trie_path(lang: str, n_keys: int):
    """Where the prefix trie of `lang`'s word list (of `n_keys` keys) is kept: the user cache
    folder, named by simplemma's version, the language and the number of keys."""
    try:
        from pathlib import Path

        from platformdirs import user_cache_dir
        from simplemma.__metadata__ import __version__
    except ImportError:  # pragma: no cover - both come with simplemma's trie extra
        return None
    return Path(user_cache_dir("kslib")) / "lemma-prefixes" / f"simplemma-{__version__}-{lang}-{n_keys}.marisa"


def _save(built, path) -> None:
    """Write a trie to `path` through a temporary name (another process may read it at once);
    a folder that cannot be written only costs the next process the build."""
    import os
    import tempfile

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".marisa")
        os.close(fd)
        try:
            built.save(tmp)
            os.replace(tmp, path)
        finally:
            if os.path.exists(tmp):
                os.unlink(tmp)
    except OSError:
        pass


def install(strategy) -> bool:
    """Put `PrefixFilteredAffix` in place of a simplemma `DefaultStrategy`'s affix search;
    False (nothing changed) where this simplemma has no such slot."""
    current = getattr(strategy, "_affix_search", None)
    if type(current) is not AffixDecompositionStrategy:
        return False
    strategy._affix_search = PrefixFilteredAffix(current._greedy, current._dictionary_lookup)
    return True
