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

from .config import resource
from .terms import COUNT_KINDS


@dataclass(frozen=True)
class Theme:
    name: str
    description: str
    patterns: tuple[str, ...]

    @property
    def regex(self) -> re.Pattern:
        parts = ["^" + re.escape(p.lower()).replace(r"\*", r"[\w-]*") + "$" for p in self.patterns]
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

    @lru_cache(maxsize=200_000)
    def match(lemma: str) -> tuple[str, ...]:
        return tuple(name for name, rx in compiled if rx.match(lemma))

    return match


_DEFAULT_MATCH = None
#: lemma as written -> default themes it matches (a dict: cheaper per lemma than a cached call)
_LEMMA_THEMES: dict[str, tuple[str, ...]] = {}


def hits_table(terms):
    """The `themes` table (Arrow, keyed by `doc`) from a chunk's `terms` table
    (`terms.words_table`): default-theme hits per paragraph, for counted words that are
    not stop words. Themes are looked up once per distinct lemma."""
    import numpy as np
    import pyarrow as pa

    from .extract import arrow_schema

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


def tag_themes(terms, themes=None):
    """The `themes` frame for any dictionary (default: the shipped one) from a `terms` frame."""
    import pandas as pd

    match = matcher(load_themes(themes) if isinstance(themes, (str, Path)) else themes)
    rows = terms[(~terms["is_stop"].astype(bool)) & terms["kind"].isin(COUNT_KINDS)]
    out: dict[tuple, list[str]] = {}
    for aid, pid, lemma in zip(rows["article_id"].astype(str), rows["para_id"], rows["lemma"].astype(str)):
        low = lemma.lower()
        for name in match(low):
            out.setdefault((aid, pid, name), []).append(low)
    data = [(a, p, n, len(v), ";".join(sorted(set(v)))) for (a, p, n), v in out.items()]
    return pd.DataFrame(data, columns=["article_id", "para_id", "theme", "hits", "terms"]).astype(
        {"para_id": "int32", "hits": "int32"})


def theme_scores(themes_frame, articles, terms=None, *, themes=None):
    """Article x theme table: `hits` and `share` (hits per 100 counted words), one row per
    article and theme, zero rows included, with the article's `region` and `year`."""
    import pandas as pd

    names = [t.name for t in (themes or load_themes())]
    hits = themes_frame.groupby(["article_id", "theme"], observed=True)["hits"].sum()
    idx = pd.MultiIndex.from_product([articles["article_id"].astype(str), names], names=["article_id", "theme"])
    out = hits.reindex(idx, fill_value=0).reset_index()
    words = articles.set_index("article_id")["n_words"]
    out["per_100_words"] = out["hits"] / out["article_id"].map(words).clip(lower=1) * 100
    total = out.groupby("article_id")["hits"].transform("sum")
    out["share"] = (out["hits"] / total.where(total > 0)).fillna(0.0)
    meta = articles[["article_id", "region", "year"]].astype({"article_id": str})
    return out.merge(meta, on="article_id", how="left")


def theme_shares(scores, by=None):
    """Share of all theme hits that fall on each theme, overall or per group (`region`, `year`)."""
    keys = ["theme"] if by is None else [by, "theme"]
    g = scores.groupby(keys, observed=True, dropna=False)["hits"].sum().reset_index()
    total = g.groupby(keys[:-1])["hits"].transform("sum") if by else g["hits"].sum()
    g["share"] = (g["hits"] / total).fillna(0.0)
    return g.sort_values(keys[:-1] + ["share"], ascending=[True] * (len(keys) - 1) + [False], ignore_index=True)


def article_matrix(scores, articles, *, value: str = "per_100_words", max_articles: int = 40):
    """Article x theme table for a heatmap: the `max_articles` articles with most theme hits,
    rows labelled by title (or first words)."""
    from .overview import article_labels

    totals = scores.groupby("article_id")["hits"].sum().sort_values(ascending=False)
    keep = totals.head(max_articles).index
    matrix = scores[scores["article_id"].isin(keep)].pivot_table(index="article_id", columns="theme",
                                                                 values=value, fill_value=0)
    matrix = matrix.loc[[k for k in keep if k in matrix.index]]
    return matrix.rename(index=article_labels(articles))


def group_matrix(scores, by: str):
    """Group (`region`, `year`) x theme table of shares (each row sums to 1)."""
    shares = theme_shares(scores.assign(**{by: scores[by].astype("object").where(scores[by].notna(), "ukjent")
                                           .astype(str)}), by=by)
    return shares.pivot_table(index=by, columns="theme", values="share", fill_value=0)
