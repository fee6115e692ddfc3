"""Topics found without a dictionary: NMF on TF-IDF of lemmas (scikit-learn).

Reproducible (fixed seed, NNDSVD start), and safe on tiny corpora: the number
of topics is capped by the number of articles and distinct lemmas.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class Topics:
    """`terms`: topic, rank, lemma, weight. `articles`: article_id, topic, weight (rows sum to 1)."""

    terms: "object"
    articles: "object"

    def labels(self, n: int = 4) -> dict[int, str]:
        """Topic number -> its top lemmas joined, for chart labels."""
        top = self.terms[self.terms["rank"] <= n]
        return {t: ", ".join(g["lemma"]) for t, g in top.groupby("topic")}


def _lemma_lists(rows):
    """article_id (sorted) -> its lemmas in order, as a Series of lists of str: what
    `rows.groupby("article_id")["lemma"].agg(list)` gives, the strings made once per distinct
    lemma and the rows cut at the articles' boundaries (seconds less at 10,000 articles)."""
    import numpy as np
    import pandas as pd

    from kslib.count._fast_words import _codes

    names, codes = _codes(rows["lemma"])
    ids, article = np.unique(rows["article_id"].astype(str).to_numpy(), return_inverse=True)
    order = np.argsort(article, kind="stable")
    cuts = np.searchsorted(article[order], np.arange(1, len(ids)))
    words = names[codes[order]]
    return pd.Series([list(chunk) for chunk in np.split(words, cuts)] if len(ids) else [], index=pd.Index(ids, name="article_id"),
                     dtype=object)


def fit_topics(terms, n_topics: int = 6, *, n_top: int = 10, seed: int = 42, min_df: int = 1, max_df: float = 0.9,
               **select_kw) -> Topics:
    """NMF topics of the articles' content lemmas."""
    import numpy as np
    import pandas as pd
    from sklearn.decomposition import NMF
    from sklearn.feature_extraction.text import TfidfVectorizer

    from kslib.count.words import select

    rows = select(terms, **select_kw)
    docs = _lemma_lists(rows)
    empty = Topics(pd.DataFrame(columns=["topic", "rank", "lemma", "weight"]),
                   pd.DataFrame(columns=["article_id", "topic", "weight"]))
    if len(docs) < 2:
        return empty
    vec = TfidfVectorizer(analyzer=lambda x: x, min_df=min_df, max_df=max_df if len(docs) > 3 else 1.0,
                          sublinear_tf=True)
    try:
        matrix = vec.fit_transform(docs.tolist())
    except ValueError:  # every word is in (almost) every article: nothing sets one topic apart
        return empty
    vocab = vec.get_feature_names_out()
    k = max(1, min(n_topics, len(docs) - 1, len(vocab)))
    model = NMF(n_components=k, init="nndsvd", random_state=seed, max_iter=500)
    weights = model.fit_transform(matrix)
    term_rows = []
    for t, comp in enumerate(model.components_, 1):
        # highest weight first, ties in the vocabulary's (alphabetical) order: a stable sort
        order = np.argsort(-comp, kind="stable")[:n_top]
        term_rows += [(t, r + 1, vocab[j], float(comp[j])) for r, j in enumerate(order) if comp[j] > 0]
    norm = weights / np.where(weights.sum(axis=1, keepdims=True) > 0, weights.sum(axis=1, keepdims=True), 1)
    art_rows = [(aid, t + 1, float(norm[i, t])) for i, aid in enumerate(docs.index) for t in range(k)]
    return Topics(pd.DataFrame(term_rows, columns=["topic", "rank", "lemma", "weight"]),
                  pd.DataFrame(art_rows, columns=["article_id", "topic", "weight"]))


def align_topics_themes(topics: Topics, scores):
    """Correlation between each discovered topic's article weights and each theme's article share.

    Returns a topic x theme frame (Pearson r over articles); high values say which
    dictionary theme a topic resembles."""
    import pandas as pd

    if topics.articles.empty:
        return pd.DataFrame()
    tw = topics.articles.pivot(index="article_id", columns="topic", values="weight")
    sw = scores.pivot_table(index="article_id", columns="theme", values="share", fill_value=0)
    joined = tw.join(sw, how="inner")
    out = pd.DataFrame(index=tw.columns, columns=sw.columns, dtype=float)
    for t in tw.columns:
        for th in sw.columns:
            x, y = joined[t], joined[th]
            out.loc[t, th] = x.corr(y) if x.std() > 0 and y.std() > 0 else 0.0
    labels = topics.labels(3)
    out.index = [f"{t}: {labels.get(t, '')}" for t in out.index]
    return out.fillna(0.0)


def fit_topics_if_enough(terms, n_topics: int = 6, **kw):
    """(topics, None), or (None, the sentence that says why not): too few articles for a
    topic model (`describe.MINIMUM["topics"]`), or no word that sets the articles apart."""
    from kslib.count.describe import too_few

    n_articles = terms["article_id"].nunique()
    reason = too_few(n_articles, "topics", "Temaer funnet av NMF")
    if reason:
        return None, reason
    found = fit_topics(terms, n_topics, **kw)
    if found.terms.empty:
        return None, "NMF finner ingen temaer: ingen ord skiller artiklene fra hverandre."
    return found, None
