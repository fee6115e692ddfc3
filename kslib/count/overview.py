"""The corpus at a glance: tables behind notebook 01.

Each `count_*` returns a small tidy table; `article_labels` gives readable
article names for charts.
"""

from __future__ import annotations

from kslib.schema import fill_unknown


def count_by_period(frame, period: str = "Y", *, articles=None, by: str | None = None, date: str = "date"):
    """Counts per period (`Y` year, `Q` quarter, `M` month) of any frame with `article_id`.

    Uses the articles' `date` where known, else the start of their `year`.
    Returns `period` (Timestamp), [by], `n` (rows), `articles` (distinct articles);
    periods with nothing are included as zero rows."""
    import pandas as pd

    if articles is None:
        articles = frame
    when = articles[date] if date in articles.columns else pd.Series(pd.NaT, index=articles.index)
    fallback = pd.to_datetime(articles["year"].astype("Int64").astype("string") + "-01-01", errors="coerce")
    when = when.fillna(fallback)
    stamp = dict(zip(articles["article_id"], when))
    df = frame.assign(_when=frame["article_id"].map(stamp)).dropna(subset=["_when"])
    freq = {"Y": "YS", "Q": "QS", "M": "MS"}.get(period, period)
    df["period"] = pd.to_datetime(df["_when"]).dt.to_period(freq.rstrip("S") if freq.endswith("S") else freq) \
        .dt.start_time
    keys = ["period"] + ([by] if by else [])
    out = df.groupby(keys, observed=True).agg(n=("article_id", "size"), articles=("article_id", "nunique"))
    out = out.reset_index()
    if not out.empty:
        full = pd.date_range(out["period"].min(), out["period"].max(), freq=freq)
        if by:
            idx = pd.MultiIndex.from_product([full, out[by].unique()], names=keys)
        else:
            idx = pd.Index(full, name="period")
        out = out.set_index(keys).reindex(idx, fill_value=0).reset_index()
    return out


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
    """Articles per year, with unknown years as `ukjent`."""
    import pandas as pd

    years = fill_unknown(articles["year"]).astype(str)
    counts = years.value_counts().sort_index()
    return pd.DataFrame({"year": counts.index, "n": counts.values.astype("int64")})


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


def trend_note(articles) -> str:
    """One sentence on whether the corpus can show change over time, and on what it rests."""
    from kslib.count.overview import spans_years

    dated = int(articles["date"].notna().sum()) if "date" in articles.columns else 0
    years = sorted(set(articles["year"].dropna().astype(int)))
    source = (f"{dated} av {len(articles)} artikler har dato fra metadata; resten har år fra teksten"
              if dated else "Årene er hentet fra teksten (ingen metadata-fil med datoer)")
    if not spans_years(articles):
        only = f"bare {years[0]}" if years else "ingen kjente år"
        return f"Korpuset dekker {only}, så det er ingen utvikling over tid å vise. {source}."
    return f"Korpuset dekker {years[0]}–{years[-1]}. {source}."
