"""Themes: how much each article and paragraph is about KS's policy areas.

A theme dictionary (`resources/themes.toml`, or a TOML file of your own) gives
each theme a name, a description and lemma patterns with `*` wildcards. Each
counted word whose lemma matches a theme is a hit. The `themes` frame has one
row per paragraph and theme with hits: `article_id`, `para_id`, `theme`,
`hits`, `terms` (the matched lemmas, `;`-joined). Matching is done once per
word type, so it is fast on large corpora.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from kslib.config import resource
from kslib.schema import COUNT_KINDS
from kslib.structure.tokens import wildcard


@dataclass(frozen=True)
class Theme:
    name: str
    description: str
    patterns: tuple[str, ...]

    @property
    def regex(self) -> re.Pattern:
        parts = [wildcard(p).pattern for p in self.patterns]
        return re.compile("|".join(parts))


class ThemeError(ValueError):
    """A theme file that cannot be used (missing keys, no patterns)."""


def load_themes(path: str | Path | None = None) -> tuple[Theme, ...]:
    """Read a theme dictionary (TOML with `[[theme]]` tables: name, description, patterns)."""
    if path is None:
        return _default_themes()
    return _parse(Path(path).read_text(encoding="utf-8"), str(path))


@lru_cache(maxsize=1)
def _default_themes() -> tuple[Theme, ...]:
    return _parse(resource("themes.toml").read_text(encoding="utf-8"), "themes.toml")


def _parse(text: str, where: str) -> tuple[Theme, ...]:
    data = tomllib.loads(text)
    themes = []
    for i, t in enumerate(data.get("theme", [])):
        if not t.get("name") or not t.get("patterns"):
            raise ThemeError(f"{where}: theme number {i + 1} needs a name and at least one pattern")
        themes.append(Theme(t["name"], t.get("description", ""), tuple(t["patterns"])))
    if not themes:
        raise ThemeError(f"{where}: no [[theme]] tables found")
    return tuple(themes)


def matcher(themes=None):
    """lemma -> tuple of theme names it matches, cached per word type."""
    themes = themes or load_themes()
    compiled = [(t.name, t.regex) for t in themes]
    possible = _possible([p for t in themes for p in t.patterns])

    @lru_cache(maxsize=200_000)
    def match(lemma: str) -> tuple[str, ...]:
        if not possible(lemma):  # most lemmas match no pattern: ruled out by string methods
            return ()
        return tuple(name for name, rx in compiled if rx.match(lemma))

    return match


def _possible(patterns):
    """A test that is true for every lower-case lemma some pattern matches (`wildcard`), and
    false for most others, with string methods alone: a pattern's literal start (`kommun*`), else
    its literal end (`*økonomi`), else a literal inside it (`*digital*`), or the whole word."""
    exact, starts, ends, inside, anything = set(), [], [], [], False
    for pattern in patterns:
        parts = pattern.lower().split("*")
        if len(parts) == 1:
            exact.add(parts[0])
        elif parts[0]:
            starts.append(parts[0])
        elif parts[-1]:
            ends.append(parts[-1])
        elif any(parts):
            inside.append(next(p for p in parts if p))
        else:
            anything = True
    starts, ends = tuple(starts), tuple(ends)

    def possible(lemma: str) -> bool:
        return anything or lemma in exact or lemma.startswith(starts) or lemma.endswith(ends) or any(
            part in lemma for part in inside)

    return possible


_DEFAULT_MATCH = None
#: lemma as written -> default themes it matches (a dict: cheaper per lemma than a cached call)
_LEMMA_THEMES: dict[str, tuple[str, ...]] = {}


def hits_table(terms):
    """The `themes` table (Arrow, keyed by `doc`) from a chunk's `terms` table
    (`structure.tokens.words_table`): default-theme hits per paragraph, for counted words that are
    not stop words. Themes are looked up once per distinct lemma."""
    import numpy as np
    import pyarrow as pa

    from kslib.schema import arrow_schema

    global _DEFAULT_MATCH
    if _DEFAULT_MATCH is None:
        _DEFAULT_MATCH = matcher()
    schema = arrow_schema("themes")
    if terms.num_rows == 0:
        return schema.empty_table()
    lemma, kind, doc = (terms.column(c).combine_chunks() for c in ("lemma", "kind", "doc"))
    lemmas = lemma.dictionary.to_pylist()
    themes_of = []
    for value in lemmas:
        names = _LEMMA_THEMES.get(value)
        if names is None:
            names = _DEFAULT_MATCH(value.lower())
            if len(_LEMMA_THEMES) < 500_000:
                _LEMMA_THEMES[value] = names
        themes_of.append(names)
    codes = lemma.indices.to_numpy()
    counted = np.isin(np.array(kind.dictionary.to_pylist(), dtype=object), COUNT_KINDS)
    mask = (np.array([bool(t) for t in themes_of])[codes] & ~terms.column("is_stop").to_numpy()
            & counted[kind.indices.to_numpy()])
    rows = np.nonzero(mask)[0]
    hits: dict[tuple[int, int, str], list[str]] = {}
    for d, para_id, code in zip(doc.indices.to_numpy()[rows].tolist(),
                                terms.column("para_id").to_numpy()[rows].tolist(), codes[rows].tolist()):
        low = lemmas[code].lower()
        for name in themes_of[code]:
            hits.setdefault((d, para_id, name), []).append(low)
    found = sorted(hits)  # articles in chunk order, then paragraph and theme
    columns = {
        "doc": pa.DictionaryArray.from_arrays(pa.array([k[0] for k in found], pa.int32()), doc.dictionary),
        "para_id": pa.array([k[1] for k in found], pa.int32()),
        "theme": pa.array([k[2] for k in found], pa.string()),
        "hits": pa.array([len(hits[k]) for k in found], pa.int32()),
        "terms": pa.array([";".join(sorted(set(hits[k]))) for k in found], pa.string()),
    }
    return pa.Table.from_arrays([columns[f.name] for f in schema], schema=schema)
