"""Terms to word statistics: counts, top terms, n-grams, collocations, keyness, tf-idf (KWIC: `contexts`)."""

from __future__ import annotations

import math
from collections import Counter

from kslib.schema import COUNT_KINDS, DISPLAY_VALUES, fill_unknown


def _filler() -> frozenset[str]:
    from kslib.config import resource_lines

    return frozenset(resource_lines("filler_words.txt"))


def counted(rows, **kw):
    """A boolean Series over `rows` (terms): True for the words that count (see `counted_plain`
    for the rules; this is its fast twin in `_fast_words`, each rule decided once per word)."""
    from kslib.count import _fast_words

    return _fast_words.counted(rows, **kw)


def counted_plain(rows, *, drop_stop: bool = True, drop_names: bool = True, drop_proper: bool = True,
            drop_filler: bool = True, keep_ks: bool = False, min_length: int = 2):
    """A boolean Series over `rows` (terms): True for the words that count.

    Left out by default: stop words; words of people's names (`drop_names`); proper nouns,
    i.e. lemmas written with a capital (`drop_proper`: places, organisations and names such as
    Drammen, Trøndelag, NHO, which a word count would otherwise lead with); the filler words
    of `resources/filler_words.txt` (`drop_filler`); the first halves of hyphenated pairs
    (`helse-` in `helse- og omsorg`), which are no word of their own; one-letter tokens; and
    `KS`, on every page (`keep_ks=True` keeps it, even with `drop_proper`)."""
    lemma = rows["lemma"].astype(str)
    token = rows["token"].astype(str) if "token" in rows.columns else lemma
    mask = (lemma.str.len() >= min_length) & ~token.str.endswith("-") & ~lemma.str.endswith("-")
    if drop_stop:
        mask &= ~rows["is_stop"].astype(bool)
    if drop_names and "is_name" in rows.columns:
        mask &= ~rows["is_name"].astype(bool)
    is_ks = lemma == "KS"
    if drop_proper:
        mask &= ~lemma.str[:1].str.isupper() | (is_ks & keep_ks)
    if drop_filler:
        mask &= ~lemma.str.lower().isin(_filler())
    if not keep_ks:
        mask &= ~is_ks
    return mask


def select(terms, *, kinds=COUNT_KINDS, columns=None, **counted_kw):
    """The rows that count: content paragraphs (`kinds`), and the words `counted` keeps; only
    `columns` when given. One copy of only those rows (the terms frame is the corpus's
    largest: 2 GB at 100,000 articles)."""
    keep = terms["kind"].isin(kinds).to_numpy() & counted(terms, **counted_kw).to_numpy()
    return terms.loc[keep, list(columns) if columns is not None else slice(None)]


def count_terms(terms, *, by=None, articles=None, field: str = "lemma", **select_kw):
    """Term frequency and document frequency, overall or per group.

    by: None (overall), `article_id`, or a column of `articles` (`region`, `year`,
    `language`, ...). Returns columns [by], `term`, `n` (occurrences), `docs`
    (articles it occurs in), `share` (of the group's counted words), sorted.
    Counted on the categorical codes by the fast twin in `_fast_words`; `count_terms_plain`
    is the definition.
    """
    from kslib.count import _fast_words

    if by is not None and by != "article_id" and articles is None:
        raise ValueError(f"count_terms(by={by!r}) needs the articles frame")
    rows = select(terms, columns=["article_id", field], **select_kw)
    return _fast_words.count_terms(rows, by=by, articles=articles, field=field)


def count_terms_plain(terms, *, by=None, articles=None, field: str = "lemma", **select_kw):
    """`count_terms` with a groupby on the strings: the definition its fast twin must equal."""
    import pandas as pd

    rows = select(terms, **select_kw)
    df = pd.DataFrame({"article_id": rows["article_id"].astype(str), "term": rows[field].astype(str)})
    keys = ["term"]
    if by is not None and by != "article_id":
        if articles is None:
            raise ValueError(f"count_terms(by={by!r}) needs the articles frame")
        df = df.merge(articles[["article_id", by]].astype({"article_id": str}), on="article_id")
        keys = [by, "term"]
    elif by == "article_id":
        keys = ["article_id", "term"]
    out = df.groupby(keys, observed=True, dropna=False).agg(n=("term", "size"), docs=("article_id", "nunique"))
    out = out.reset_index()
    total = (out.groupby(keys[:-1], observed=True, dropna=False)["n"].transform("sum") if len(keys) > 1
             else out["n"].sum())
    out["share"] = out["n"] / total
    sort = keys[:-1] + ["n", "term"]
    asc = [True] * (len(keys) - 1) + [False, True]
    return out.sort_values(sort, ascending=asc, ignore_index=True).astype({"n": "int64", "docs": "int64"})


def top_terms(terms, n: int = 20, **kw):
    """The `n` most frequent terms (per group when `by` is given)."""
    counts = count_terms(terms, **kw)
    by = kw.get("by")
    if by:
        return counts.groupby(by, observed=True, sort=False).head(n).reset_index(drop=True)
    return counts.head(n)


def _sequences(terms, field="lemma", kinds=COUNT_KINDS, forms: bool = False, **counted_kw):
    """Token sequences per sentence, words that do not count marked as breaks (None); with
    `forms`, (value, written form) pairs, the form lower case unless it is a proper noun."""
    rows = terms[terms["kind"].isin(kinds)]
    keys = zip(rows["article_id"].astype(str), rows["para_id"], rows["sent_id"])
    keep = counted_plain(rows, **counted_kw)
    values = rows[field].astype(str)
    written = rows["token"].astype(str)
    lemma = rows["lemma"].astype(str)
    written = written.where(lemma.str[:1].str.isupper(), written.str.lower())
    seqs: dict = {}
    for key, value, form, ok in zip(keys, values, written, keep):
        seqs.setdefault(key, []).append(((value, form) if forms else value) if ok else None)
    return seqs


def count_ngrams(terms, n: int = 2, *, field: str = "lemma", min_count: int = 1, **counted_kw):
    """Contiguous n-grams (2 or 3) of counted words within a sentence, with counts.

    Returns `ngram` (lemmas), `form` (its most frequent written form, which reads as
    Norwegian: `unges utenforskap` for the lemmas `ung utenforskap`), `n`, `docs`.
    Computed by the fast twin in `_fast_words`; `count_ngrams_plain` is the definition."""
    from kslib.count import _fast_words

    return _fast_words.count_ngrams(terms, n, field=field, min_count=min_count, **counted_kw)


def count_ngrams_plain(terms, n: int = 2, *, field: str = "lemma", min_count: int = 1, **counted_kw):
    """`count_ngrams` sentence by sentence in Python: the definition its fast twin must equal."""
    import pandas as pd

    counts: Counter = Counter()
    docs: dict = {}
    written: dict = {}
    for (article_id, _, _), seq in _sequences(terms, field, forms=True, **counted_kw).items():
        for i in range(len(seq) - n + 1):
            gram = seq[i : i + n]
            if None in gram:
                continue
            key = " ".join(v for v, _ in gram)
            counts[key] += 1
            docs.setdefault(key, set()).add(article_id)
            written.setdefault(key, Counter())[" ".join(f for _, f in gram)] += 1
    rows = [(k, _most_common(written[k]), v, len(docs[k])) for k, v in counts.items() if v >= min_count]
    out = pd.DataFrame(rows, columns=["ngram", "form", "n", "docs"])
    return out.sort_values(["n", "ngram"], ascending=[False, True], ignore_index=True)


def _most_common(forms: Counter) -> str:
    """The most frequent form; ties go to the first in alphabetical order (stable across runs)."""
    return min(forms.items(), key=lambda kv: (-kv[1], kv[0]))[0]


def collocations(terms, *, min_count: int = 2, field: str = "lemma", measure: str = "llr", **counted_kw):
    """Two-word collocations with pointwise mutual information and Dunning's log-likelihood.

    Counts adjacent content-word pairs within sentences (stop words break a
    sequence). Returns `collocation`, `n`, `n_w1`, `n_w2`, `pmi`, `llr`, sorted by
    `measure` (`llr` or `pmi`), pairs seen fewer than `min_count` times dropped.
    Computed by the fast twin in `_fast_words`; `collocations_plain` is the definition.
    """
    from kslib.count import _fast_words

    return _fast_words.collocations(terms, min_count=min_count, field=field, measure=measure, **counted_kw)


def collocations_plain(terms, *, min_count: int = 2, field: str = "lemma", measure: str = "llr", **counted_kw):
    """`collocations` pair by pair in Python: the definition its fast twin must equal."""
    import pandas as pd

    pairs: Counter = Counter()
    first: Counter = Counter()
    second: Counter = Counter()
    n_pairs = 0
    for seq in _sequences(terms, field, **counted_kw).values():
        for a, b in zip(seq, seq[1:]):
            if a is None or b is None:
                continue
            pairs[(a, b)] += 1
            first[a] += 1
            second[b] += 1
            n_pairs += 1
    rows = []
    for (a, b), n11 in pairs.items():
        if n11 < min_count:
            continue
        n1p, np1 = first[a], second[b]
        rows.append((f"{a} {b}", n11, n1p, np1, pmi(n11, n1p, np1, n_pairs), llr_2x2(n11, n1p, np1, n_pairs)))
    out = pd.DataFrame(rows, columns=["collocation", "n", "n_w1", "n_w2", "pmi", "llr"])
    return by_score(out, measure, "collocation")


def by_score(frame, measure: str, name: str):
    """Rows by `measure` (highest first), then `n` (if any), then `name`. The measure is
    compared to 9 decimals: the same score computed in another order of operations differs
    in its last bits (`mellom både` 1/4/3 and `svær nyttig` 1/3/4), and must tie."""
    keys = ["_score"] + (["n"] if "n" in frame.columns else []) + [name]
    return (frame.assign(_score=frame[measure].round(9))
            .sort_values(keys, ascending=[False] * (len(keys) - 1) + [True], ignore_index=True)
            .drop(columns="_score"))


def pmi(n11: int, n1p: int, np1: int, n: int) -> float:
    """Pointwise mutual information, log2(P(a,b) / (P(a) P(b)))."""
    return math.log2(n11 * n / (n1p * np1))


def llr_2x2(n11: int, n1p: int, np1: int, n: int) -> float:
    """Dunning's log-likelihood ratio G² for a 2x2 table given its margins."""
    n12, n21 = n1p - n11, np1 - n11
    n22 = n - n11 - n12 - n21
    obs = (n11, n12, n21, n22)
    rows, cols = (n1p, n - n1p), (np1, n - np1)
    exp = (rows[0] * cols[0] / n, rows[0] * cols[1] / n, rows[1] * cols[0] / n, rows[1] * cols[1] / n)
    return 2 * sum(o * math.log(o / e) for o, e in zip(obs, exp) if o > 0)


def keyness(terms, target, *, field: str = "lemma", measure: str = "llr", min_count: int = 2, **select_kw):
    """What distinguishes the `target` articles from the rest (quanteda's textstat_keyness).

    target: article ids (or a boolean Series over `articles` indexed like it).
    For each term a 2x2 table (term vs other words, target vs reference) gives
    `chi2` (Pearson, no continuity correction) and `llr` (G²), signed negative where
    the term is relatively more frequent in the reference; `p` from chi-square(1).
    Returns `term`, `n_target`, `n_reference`, `chi2`, `llr`, `p`, sorted by `measure`.
    Computed for all terms at once by the fast twin in `_fast_words`; `keyness_plain` is the
    definition.
    """
    from kslib.count import _fast_words

    return _fast_words.keyness(select(terms, columns=["article_id", field], **select_kw), target, field=field, measure=measure,
                               min_count=min_count)


def keyness_plain(terms, target, *, field: str = "lemma", measure: str = "llr", min_count: int = 2, **select_kw):
    """`keyness` term by term in Python: the definition its fast twin must equal."""
    import pandas as pd
    from scipy.stats import chi2 as chi2_dist

    rows = select(terms, **select_kw)
    ids = set(map(str, target))
    in_target = rows["article_id"].astype(str).isin(ids)
    t = Counter(rows.loc[in_target, field].astype(str))
    r = Counter(rows.loc[~in_target, field].astype(str))
    nt, nr = sum(t.values()), sum(r.values())
    out = []
    for term in set(t) | set(r):
        a, b = t.get(term, 0), r.get(term, 0)
        if a + b < min_count:
            continue
        c, d = nt - a, nr - b
        chi2, g2 = keyness_2x2(a, b, c, d)
        sign = 1 if (nt and nr and a / nt >= b / nr) or not nr else -1
        out.append((term, a, b, sign * chi2, sign * g2, float(chi2_dist.sf(chi2, 1))))
    frame = pd.DataFrame(out, columns=["term", "n_target", "n_reference", "chi2", "llr", "p"])
    return by_score(frame, measure, "term")


def keyness_2x2(a: int, b: int, c: int, d: int) -> tuple[float, float]:
    """(chi², G²) of the table [[a, b], [c, d]] (term/other words x target/reference)."""
    n = a + b + c + d
    if n == 0:
        return 0.0, 0.0
    exp = ((a + b) * (a + c) / n, (a + b) * (b + d) / n, (c + d) * (a + c) / n, (c + d) * (b + d) / n)
    obs = (a, b, c, d)
    chi2 = sum((o - e) ** 2 / e for o, e in zip(obs, exp) if e > 0)
    g2 = 2 * sum(o * math.log(o / e) for o, e in zip(obs, exp) if o > 0 and e > 0)
    return chi2, g2


def tfidf_terms(terms, n: int = 10, **select_kw):
    """The `n` most distinctive lemmas of each article by TF-IDF (scikit-learn).

    Returns `article_id`, `rank`, `term`, `tfidf`."""
    import pandas as pd
    from sklearn.feature_extraction.text import TfidfVectorizer

    rows = select(terms, **select_kw)
    docs = rows.groupby("article_id", observed=True, sort=False)["lemma"].agg(lambda s: list(s.astype(str)))
    if docs.empty:
        return pd.DataFrame(columns=["article_id", "rank", "term", "tfidf"])
    vec = TfidfVectorizer(analyzer=lambda x: x, sublinear_tf=True)
    matrix = vec.fit_transform(docs.tolist())
    vocab = vec.get_feature_names_out()
    out = []
    for i, article_id in enumerate(docs.index):
        row = matrix.getrow(i).toarray().ravel()
        order = sorted(range(len(row)), key=lambda j: (-row[j], vocab[j]))[:n]
        out += [(article_id, r + 1, vocab[j], float(row[j])) for r, j in enumerate(order) if row[j] > 0]
    return pd.DataFrame(out, columns=["article_id", "rank", "term", "tfidf"])


def frequencies(terms, **kw) -> dict[str, int]:
    """{lemma: count} for word clouds."""
    counts = count_terms(terms, **kw)
    return dict(zip(counts["term"], counts["n"]))


def group_frequencies(terms, articles, by: str = "region", n_groups: int = 4, min_articles: int | None = None,
                      **kw) -> dict[str, dict[str, int]]:
    """{group: {lemma: count}} for the `n_groups` groups with most articles, each with at
    least `min_articles` (default `describe.MINIMUM["group_cloud"]`): one article's words
    are no picture of a county. Group names as a reader reads them (`nasjonalt`, `ukjent`)."""
    from kslib.count.describe import MINIMUM

    need = MINIMUM["group_cloud"] if min_articles is None else min_articles
    groups = fill_unknown(articles[by]).astype(str)
    sizes = groups.value_counts()
    top = sizes[sizes >= need].head(n_groups).index
    chosen = articles[["article_id"]].assign(_group=groups.where(groups.isin(top)))
    counts = count_terms(terms, by="_group", articles=chosen, **kw)
    counts = counts[counts["_group"].notna()]
    per = {group: dict(zip(g["term"], g["n"])) for group, g in counts.groupby("_group", sort=False)}
    return {DISPLAY_VALUES.get(group, group): per.get(group, {}) for group in top}


def group_sizes(articles, by: str = "region") -> dict[str, int]:
    """{group: number of articles}, group names as `group_frequencies` gives them."""
    groups = fill_unknown(articles[by]).astype(str)
    return {DISPLAY_VALUES.get(g, g): int(n) for g, n in groups.value_counts().items()}


def keyness_by(terms, articles, by: str = "region", target=None, **kw):
    """Keyness of one group of articles (`by` == `target`) against all the others.

    With `target=None` the group with most articles that is not `national` or unknown is
    used. Returns (target, keyness frame, n articles in the target); check the group's
    size with `describe.too_few(n, "keyness", ...)` before reading the result."""
    values = fill_unknown(articles[by]).astype(str)
    if target is None:
        counts = values[~values.isin(["national", "ukjent"])].value_counts()
        target = counts.index[0] if len(counts) else values.value_counts().index[0]
    chosen = values == str(target)
    ids = articles.loc[chosen, "article_id"]
    return str(target), keyness(terms, ids, **kw), int(chosen.sum())
