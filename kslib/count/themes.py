"""Theme hits to per-article scores, shares and matrices."""

from __future__ import annotations

from pathlib import Path

from kslib.extract.themes import load_themes, matcher
from kslib.schema import COUNT_KINDS, fill_unknown


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


def theme_scores(themes_frame, articles, terms=None, *, themes=None, places=None):
    """Article x theme table: `hits` and `share` (hits per 100 counted words), one row per
    article and theme, zero rows included, with the article's `region` and `year`, and with
    `places`, its county on the 2024 map (`region_2024`, see `places.regions_on_2024_map`)."""
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
    if places is not None:
        from kslib.count.places import regions_on_2024_map

        meta["region_2024"] = regions_on_2024_map(articles, places)["region_2024"].values
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
    from kslib.count.overview import article_labels

    totals = scores.groupby("article_id")["hits"].sum().sort_values(ascending=False)
    keep = totals.head(max_articles).index
    matrix = scores[scores["article_id"].isin(keep)].pivot_table(index="article_id", columns="theme",
                                                                 values=value, fill_value=0)
    matrix = matrix.loc[[k for k in keep if k in matrix.index]]
    return matrix.rename(index=article_labels(articles))


def group_matrix(scores, by: str, *, drop_unknown: bool = False):
    """Group (`region`, `region_2024`, `year`) x theme table of shares (each row sums to 1),
    groups named as a reader reads them (`nasjonalt`, `ukjent`); `drop_unknown` leaves out
    the articles without a value (years a trend cannot place)."""
    from kslib.schema import DISPLAY_VALUES

    if drop_unknown:
        scores = scores[scores[by].notna()]
    named = fill_unknown(scores[by]).astype(str).map(lambda v: DISPLAY_VALUES.get(v, v))
    shares = theme_shares(scores.assign(**{by: named}), by=by)
    return shares.pivot_table(index=by, columns="theme", values="share", fill_value=0)
