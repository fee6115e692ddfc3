"""The corpus at a glance: tables behind notebook 01.

Each `count_*` returns a small tidy table; `article_labels` gives readable
article names for charts.
"""

from __future__ import annotations


def count_by_period(frame, period: str = "Y", *, articles=None, by: str | None = None, date: str = "date"):
    """Counts per period (`Y` year, `Q` quarter, `M` month) of any frame with `article_id`.

    Uses the articles' `date` where known, else the start of their `year`; rows of
    articles with neither are left out (see `describe_years`). Returns `period`
    (Timestamp), [by], `n` (rows), `articles` (distinct articles with rows), `in_period`
    (articles of the corpus in the period) and `per_article` (`n / in_period`, to compare
    periods of different size). Every period from the first to the last is there; in a
    period without articles `n` is missing (a gap in a chart, not an invented zero), while
    a group absent from a period that has articles counts 0."""
    import pandas as pd

    if articles is None:
        articles = frame
    when = articles[date] if date in articles.columns else pd.Series(pd.NaT, index=articles.index)
    fallback = pd.to_datetime(articles["year"].astype("Int64").astype("string") + "-01-01", errors="coerce")
    when = pd.to_datetime(when).fillna(fallback)
    freq = {"Y": "YS", "Q": "QS", "M": "MS"}.get(period, period)
    to_period = freq.rstrip("S") if freq.endswith("S") else freq
    starts = pd.Series(when.dt.to_period(to_period).dt.start_time.values, index=articles["article_id"].values)
    starts = starts.dropna()
    per = starts.value_counts()
    df = frame.assign(period=frame["article_id"].map(starts)).dropna(subset=["period"])
    keys = ["period"] + ([by] if by else [])
    out = df.groupby(keys, observed=True).agg(n=("article_id", "size"), articles=("article_id", "nunique"))
    out = out.reset_index()
    if starts.empty:
        return out.assign(in_period=pd.Series(dtype="int64"), per_article=pd.Series(dtype="float64"))
    full = pd.date_range(starts.min(), starts.max(), freq=freq)
    if by:
        idx = pd.MultiIndex.from_product([full, sorted(out[by].dropna().unique(), key=str)], names=keys)
    else:
        idx = pd.Index(full, name="period")
    out = out.set_index(keys).reindex(idx).reset_index()
    out["in_period"] = out["period"].map(per).fillna(0).astype("int64")
    has = out["in_period"] > 0
    for col in ("n", "articles"):
        out[col] = out[col].where(~has, out[col].fillna(0)).astype("Int64")
    out["per_article"] = (out["n"].astype("Float64") / out["in_period"].where(has)).astype("float64")
    return out


#: where a year comes from (`articles.year_source`), in the sentence of `describe_years`
YEAR_SOURCE_LABELS = {"text": "teksten", "metadata": "metadatafilen", "page": "nettsidens dato",
                      "document": "dokumentets egenskaper", "url": "nettsidens adresse"}


def describe_years(articles) -> str:
    """How many articles have a year, and the period they span: what every trend rests on."""
    from kslib import norwegian

    known = articles["year"].dropna()
    missing = len(articles) - len(known)
    if not len(known):
        return "Ingen av artiklene har et kjent år, så det er ingen utvikling over tid å vise."
    basis = norwegian.span(known)
    if "year_source" in articles.columns:  # what the years rest on, when more than the text
        sources = articles.loc[articles["year"].notna(), "year_source"].astype("string").value_counts()
        if len(sources) > 1 or (len(sources) == 1 and sources.index[0] != "text"):
            basis += "; " + ", ".join(f"{norwegian.number(n)} fra {YEAR_SOURCE_LABELS.get(s, s)}"
                                      for s, n in sources.items())
    text = f"{norwegian.share_of(len(known), len(articles))} artikler har et kjent år ({basis})"
    if missing:
        text += (f"; {norwegian.number(missing)} uten kjent år (teksten sier det ikke sikkert nok) "
                 "er ikke med i tidsseriene")
    return text + "."


def spans_years(articles) -> bool:
    """True when the corpus covers more than one year (dates or inferred years)."""
    years = set(articles["year"].dropna().astype(int))
    if "date" in articles.columns:
        years |= set(articles["date"].dropna().dt.year)
    return len(years) > 1


KIND_LABELS = {"title": "Tittel", "heading": "Mellomtittel", "body": "Brødtekst", "quote": "Sitat",
               "bullet": "Punkt", "caption": "Bildetekst", "photo_credit": "Fotokreditt",
               "boilerplate": "Navigasjon"}
LANGUAGE_LABELS = {"nb": "Bokmål", "nn": "Nynorsk", "other": "Annet"}


def article_labels(articles, width: int = 45):
    """article_id -> the title, else the first words of the text, for chart labels."""
    import pandas as pd

    def label(row):
        if pd.notna(row.title):
            text = str(row.title)
        else:
            text = " ".join(str(row.text).split()[:7]) + " …"
        return text if len(text) <= width else text[: width - 1] + "…"

    return {row.article_id: label(row) for row in articles.itertuples()}


def count_paragraph_kinds(paragraphs):
    """Paragraphs per kind, with Norwegian labels, every kind present."""
    import pandas as pd

    counts = paragraphs["kind"].value_counts().reindex(list(KIND_LABELS), fill_value=0)
    return pd.DataFrame({"kind": counts.index, "label": [KIND_LABELS[k] for k in counts.index],
                         "n": counts.values.astype("int64")})


def count_languages(articles):
    import pandas as pd

    counts = articles["language"].value_counts().reindex(list(LANGUAGE_LABELS), fill_value=0)
    return pd.DataFrame({"language": counts.index, "label": [LANGUAGE_LABELS[k] for k in counts.index],
                         "n": counts.values.astype("int64")})


def count_years(articles):
    """Articles per year in time order, every year from the first to the last (a year without
    articles has `n` 0 and is drawn as a gap); articles without a known year are not a row
    (`describe_years` counts them)."""
    import pandas as pd

    years = articles["year"].dropna().astype(int)
    if years.empty:
        return pd.DataFrame({"year": pd.Series(dtype="int64"), "n": pd.Series(dtype="int64")})
    span = range(years.min(), years.max() + 1)
    counts = years.value_counts().reindex(span, fill_value=0)
    return pd.DataFrame({"year": list(span), "n": counts.values.astype("int64")})


def headline_numbers(corpus) -> dict:
    """The key numbers of a corpus (checked by nbval in notebook 01)."""
    a = corpus.articles
    return {
        "files": int(corpus.n_files),
        "articles": int(len(a)),
        "rejected": int(len(corpus.rejected)),
        "duplicates": int(a["duplicate_of"].notna().sum()),
        "words": int(a["n_words"].sum()),
        "paragraphs": int(len(corpus.paragraphs)),
        "quotes": int(len(corpus.quotes)),
        "people": int(len(corpus.people)),
    }
