"""Sentences that read the numbers, computed from the same table as the chart.

Each `describe_*` takes the table a chart draws and returns one Norwegian sentence that
is true on any folder ("KS står for 13 av 17 sitater (76 %)."), so a notebook's text
never says more than its figure. `too_few` is the guard for methods that need a minimum
number of articles: it returns the sentence that says why a method did not run.
"""

from __future__ import annotations

from kslib import norwegian

#: The fewest articles a method runs on (below it, a notebook says so instead of drawing
#: noise): topic models and correlations need enough documents to vary; keyness and a
#: group's word cloud need enough articles in the group, not one article's words.
MINIMUM = {"topics": 20, "correlations": 20, "keyness": 5, "group_cloud": 3}


def too_few(n: int, method: str, what: str) -> str | None:
    """None when `n` articles are enough for `method` (a key of MINIMUM), else the sentence
    that says why `what` is not shown."""
    need = MINIMUM[method]
    if n >= need:
        return None
    return (f"{what} vises ikke: metoden trenger minst {norwegian.number(need)} artikler, "
            f"og her er det {norwegian.number(n)}.")


def describe_top(series, *, unit: str, subject: str = "", total=None, top: int = 1) -> str:
    """The largest value(s) of a Series (label -> count) as a sentence with its share of `total`
    (default: the sum): `Helge Eide har flest sitater: 5 av 17 (29 %).` Ties are named together."""
    series = series.dropna()
    series = series[series > 0]
    if series.empty:
        return f"Ingen {unit} å telle{' ' + subject if subject else ''}."
    total = series.sum() if total is None else total
    ordered = series.sort_values(ascending=False, kind="stable")
    best = ordered.iloc[0]
    leaders = [str(k) for k, v in ordered.items() if v == best]
    if len(leaders) > 1:
        names = norwegian.listing(leaders[:4]) + (f" og {len(leaders) - 4} til" if len(leaders) > 4 else "")
        return (f"{names} har flest {unit}{' ' + subject if subject else ''}, "
                f"{norwegian.number(best)} hver av {norwegian.number(total)}.")
    text = f"{leaders[0]} har flest {unit}{' ' + subject if subject else ''}: {norwegian.share_of(best, total)}"
    if top > 1 and len(ordered) > 1:
        rest = [f"{k} ({norwegian.number(v)})" for k, v in ordered.iloc[1:top].items()]
        text += f"; deretter {norwegian.listing(rest)}"
    return text + "."


def describe_topic_basis(topics) -> str:
    """What the topics of `fit_topics` were learnt from: every article with counted words, or
    the sample (`FIT_AT_MOST`) that stands for them."""
    n = topics.articles["article_id"].nunique()
    if topics.fitted_on < n:
        return (f"Temaene er lært fra et tilfeldig utvalg på {norwegian.number(topics.fitted_on)} av de "
                f"{norwegian.number(n)} artiklene (samme utvalg ved hver kjøring); alle artiklene er vektet etter dem.")
    return f"Temaene er lært fra alle de {norwegian.number(n)} artiklene med ord som telles."


def describe_share(part: int, whole: int, *, subject: str, unit: str, unknown: int = 0) -> str:
    """`Kvinner er 4 av 9 siterte personer (44 %); kjønnet er ukjent for 1.`"""
    if not whole:
        return f"Ingen {unit} å telle."
    text = f"{subject} er {norwegian.share_of(part, whole)} {unit}"
    if unknown:
        text += f"; for {norwegian.number(unknown)} er det ukjent"
    return text + "."


def describe_trend(counts, *, value: str = "n", unit: str = "artikler") -> str:
    """A trend table (from `count_by_period`, no `by`) as a sentence about the first and last
    periods with articles, the peak, and the gaps; says when there are too few periods."""
    rows = counts.dropna(subset=[value])
    rows = rows[rows["in_period"] > 0]
    if rows.empty:
        return "Ingen artikler har et kjent år, så det er ingen utvikling å vise."
    years = rows["period"].dt.year
    if len(rows) < 3:
        return (f"Bare {norwegian.number(len(rows))} år har artikler ({norwegian.listing(years.astype(str))}): "
                f"for få til å si noe om en utvikling.")
    peak = rows.loc[rows[value].astype(float).idxmax()]
    gaps = int((counts["in_period"] == 0).sum())
    first, last = rows.iloc[0], rows.iloc[-1]
    text = (f"Fra {first['period'].year} til {last['period'].year} går antallet {unit} per år fra "
            f"{norwegian.number(first[value])} til {norwegian.number(last[value])}, med flest i "
            f"{peak['period'].year} ({norwegian.number(peak[value])})")
    if gaps:
        text += f"; {norwegian.number(gaps)} år i perioden har ingen artikler"
    return text + "."


def describe_list(names, *, what: str, none: str) -> str:
    """`Fylker som aldri nevnes (3): Finnmark, Troms og Vestland.`, or `none` when empty."""
    names = [str(n) for n in names]
    if not names:
        return none
    return f"{what} ({norwegian.number(len(names))}): {norwegian.listing(names)}."


def describe_lengths(lengths) -> str:
    """`Artiklene har fra 120 til 900 ord, median 400.`"""
    lengths = lengths.dropna()
    if lengths.empty:
        return "Ingen artikler å måle."
    return (f"Artiklene har fra {norwegian.number(lengths.min())} til {norwegian.number(lengths.max())} ord, "
            f"median {norwegian.number(lengths.median())}.")


def describe_network(graph) -> str:
    """How many quoted people share an article with another, and the strongest pair."""
    linked = [n for n in graph.nodes if graph.degree(n) > 0]
    if not linked:
        return "Ingen av de siterte personene er sitert i samme artikkel som en annen."
    a, b, w = min(graph.edges(data="weight"), key=lambda e: (-e[2], e[0], e[1]))
    return (f"{norwegian.share_of(len(linked), graph.number_of_nodes())} siterte personer er sitert i samme "
            f"artikkel som en annen; oftest sammen er {a} og {b} "
            f"({norwegian.count(w, 'artikkel', 'artikler')}).")


def describe_validation(corpus, result, gold_path) -> str:
    """What a validation rests on: how many of the folder's articles have a hand annotation,
    in which gold file, and whether the rules were developed on them."""
    from pathlib import Path

    from kslib import config

    gold = Path(gold_path).name
    n = len(corpus.articles)
    if result is None:
        return (f"Ingen av mappens {norwegian.number(n)} artikler er håndmerket i {gold}, så treffsikkerheten "
                f"kan ikke måles her; tallene i README gjelder andre artikler.")
    scored = max((len(v) for v in result.per_file.values()), default=0)
    text = f"{norwegian.share_of(scored, n)} artikler i mappen er håndmerket i {gold} og målt; resten er ikke målt"
    root = getattr(corpus, "root", None)
    if root is not None and Path(root).resolve() == Path(config.SEEDS_DIR).resolve():
        text += (". Reglene er utviklet på nettopp disse artiklene, så tallene er høyere enn på artikler "
                 "reglene ikke har sett")
    return text + "."


def describe_scores(scores) -> str:
    """The weakest measure of a score table, with its interval and basis."""
    if scores is None or scores.empty:
        return "Ingen mål å vise."
    row = scores.sort_values(["score", "measure"]).iloc[0]
    return (f"Svakest er «{row['label']}»: {norwegian.number(row['score'], 2)} (95 %-intervall "
            f"{norwegian.number(row['low'], 2)}–{norwegian.number(row['high'], 2)}, "
            f"{norwegian.number(row['n_articles'])} artikler).")


def key_numbers(corpus):
    """The key numbers of a corpus as a small table (`Mål`, `Antall`), in Norwegian."""
    import pandas as pd

    from kslib.count.overview import headline_numbers

    labels = {"files": "Filer i mappen", "articles": "Artikler", "rejected": "Avviste filer",
              "duplicates": "Duplikater", "words": "Ord", "paragraphs": "Avsnitt", "quotes": "Sitater",
              "people": "Personer nevnt"}
    numbers = headline_numbers(corpus)
    return pd.DataFrame({"Antall": [norwegian.number(v) for v in numbers.values()]},
                        index=pd.Index([labels[k] for k in numbers], name="Mål"))
