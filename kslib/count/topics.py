"""Topics found without a dictionary: NMF on TF-IDF of lemmas (scikit-learn).

Reproducible (fixed seed, NNDSVD start), and safe on tiny corpora: the number
of topics is capped by the number of articles and distinct lemmas.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class Topics:
    """`terms`: topic, rank, lemma, weight. `articles`: article_id, topic, weight (rows sum to 1).
    `fitted_on`: the number of articles the topics were learnt from."""

    terms: "object"
    articles: "object"
    fitted_on: int = 0

    def labels(self, n: int = 4) -> dict[int, str]:
        """Topic number -> its top lemmas joined, for chart labels."""
        top = self.terms[self.terms["rank"] <= n]
        return {t: ", ".join(g["lemma"]) for t, g in top.groupby("topic")}


#: Topics are learnt from at most this many articles (a sample drawn with the seed); every
#: article is then weighted by them. NMF's time grows with the words of the articles it
#: learns from (9 s for 10,000 articles, over 3 minutes for 100,000), while six topics are
#: as clear in a few thousand articles as in all of them.
FIT_AT_MOST = 5_000


@dataclass
class _Matrix:
    """A TF-IDF document-term matrix: `matrix` (csr, rows l2-normed), `ids` (its rows' article
    ids, sorted), `vocab` (its columns' lemmas, sorted)."""

    matrix: "object"
    ids: "object"
    vocab: "object"


def _lemma_lists(rows):
    """article_id (sorted) -> its lemmas in order, as a Series of lists of str: what
    `rows.groupby("article_id")["lemma"].agg(list)` gives; the documents of `_tfidf_plain`."""
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


def _tfidf_plain(rows, *, min_df: int, max_df: float) -> _Matrix:
    """TF-IDF (sublinear tf, smoothed idf, l2 rows) of the articles' lemma lists by
    scikit-learn's `TfidfVectorizer`: the definition `_tfidf` must equal. Raises ValueError
    when no lemma is left."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    docs = _lemma_lists(rows)
    vec = TfidfVectorizer(analyzer=lambda x: x, min_df=min_df, max_df=max_df, sublinear_tf=True)
    matrix = vec.fit_transform(docs.tolist())
    return _Matrix(matrix, docs.index.to_numpy(), vec.get_feature_names_out())


def _tfidf(rows, *, min_df: int, max_df: float) -> _Matrix:
    """`_tfidf_plain` counted on the categorical codes with scipy.sparse, without a list of
    strings per article (seconds and gigabytes less at 100,000 articles)."""
    import numpy as np
    from scipy import sparse

    from kslib.count._fast_words import _codes, article_codes

    names, lemma = _codes(rows["lemma"])
    article, ids = article_codes(rows["article_id"], sort=True)
    if not len(ids):
        raise ValueError("empty vocabulary")
    used = np.unique(lemma)  # the lemmas that occur, in the vocabulary's (alphabetical) order
    used = used[np.argsort(names[used], kind="stable")]
    column = np.empty(len(names), np.int64)
    column[used] = np.arange(len(used))
    counts = sparse.csr_matrix((np.ones(len(lemma)), (article, column[lemma])), shape=(len(ids), len(used)))
    counts.sum_duplicates()
    df = np.bincount(counts.indices, minlength=len(used))
    keep = (df <= max_df * len(ids)) & (df >= min_df)
    if not keep.any():
        raise ValueError("After pruning, no terms remain.")
    counts, df = counts[:, np.flatnonzero(keep)], df[keep]
    idf = np.log((len(ids) + 1) / (df + 1.0)) + 1.0
    data = np.log(counts.data) + 1.0
    data *= idf[counts.indices]
    counts.data = data
    norms = np.sqrt(np.asarray(counts.multiply(counts).sum(axis=1)).ravel())
    counts = sparse.diags(1 / np.where(norms > 0, norms, 1)) @ counts
    return _Matrix(counts.tocsr(), ids, names[used[keep]])


def fit_topics(terms, n_topics: int = 6, *, n_top: int = 10, seed: int = 42, min_df: int = 1, max_df: float = 0.9,
               fit_at_most: int = FIT_AT_MOST, **select_kw) -> Topics:
    """NMF topics of the articles' content lemmas, learnt from at most `fit_at_most` articles
    (`Topics.fitted_on` says how many; a sample drawn with `seed` when there are more)."""
    import numpy as np
    import pandas as pd
    from sklearn.decomposition import NMF

    from kslib.count.words import select

    rows = select(terms, columns=["article_id", "lemma"], **select_kw)
    empty = Topics(pd.DataFrame(columns=["topic", "rank", "lemma", "weight"]),
                   pd.DataFrame(columns=["article_id", "topic", "weight"]))
    n_docs = rows["article_id"].nunique()
    if n_docs < 2:
        return empty
    try:
        tfidf = _tfidf(rows, min_df=min_df, max_df=max_df if n_docs > 3 else 1.0)
    except ValueError:  # every word is in (almost) every article: nothing sets one topic apart
        return empty
    del rows
    matrix, vocab = tfidf.matrix, tfidf.vocab
    k = max(1, min(n_topics, n_docs - 1, len(vocab)))
    model = NMF(n_components=k, init="nndsvd", random_state=seed, max_iter=500)
    if n_docs > fit_at_most:
        sample = np.sort(np.random.default_rng(seed).choice(n_docs, fit_at_most, replace=False))
        weights = model.fit(matrix[sample]).transform(matrix)
    else:
        weights = model.fit_transform(matrix)
    term_rows = []
    for t, comp in enumerate(model.components_, 1):
        # highest weight first, ties in the vocabulary's (alphabetical) order: a stable sort
        order = np.argsort(-comp, kind="stable")[:n_top]
        term_rows += [(t, r + 1, vocab[j], float(comp[j])) for r, j in enumerate(order) if comp[j] > 0]
    total = weights.sum(axis=1, keepdims=True)
    norm = weights / np.where(total > 0, total, 1)
    articles = pd.DataFrame({"article_id": np.repeat(tfidf.ids, k), "topic": np.tile(np.arange(1, k + 1), n_docs),
                             "weight": norm.ravel()})
    return Topics(pd.DataFrame(term_rows, columns=["topic", "rank", "lemma", "weight"]), articles,
                  fitted_on=min(n_docs, fit_at_most))


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
