"""The corpus at a glance: tables behind notebook 01.

Each `count_*` returns a small tidy table; `article_labels` gives readable
article names for charts.
"""

from __future__ import annotations

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

    years = articles["year"].astype("object").where(articles["year"].notna(), "ukjent").astype(str)
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
    from .metadata import spans_years

    dated = int(articles["date"].notna().sum()) if "date" in articles.columns else 0
    years = sorted(set(articles["year"].dropna().astype(int)))
    source = (f"{dated} av {len(articles)} artikler har dato fra metadata; resten har år fra teksten"
              if dated else "Årene er hentet fra teksten (ingen metadata-fil med datoer)")
    if not spans_years(articles):
        only = f"bare {years[0]}" if years else "ingen kjente år"
        return f"Korpuset dekker {only}, så det er ingen utvikling over tid å vise. {source}."
    return f"Korpuset dekker {years[0]}–{years[-1]}. {source}."
