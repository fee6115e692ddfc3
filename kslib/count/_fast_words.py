"""Fast twins of the word counts in `count.words`: the same tables, computed on the
categorical codes of the terms frame with numpy instead of a Python loop over every word
(seconds instead of minutes at 10,000 articles). Each equals its plain function in
`count.words` (`counted_plain`, `count_ngrams_plain`, `collocations_plain`), and
`tests/test_fast_paths.py` says so."""

from __future__ import annotations

import numpy as np

from kslib.schema import COUNT_KINDS


def _codes(column) -> tuple[np.ndarray, np.ndarray]:
    """(categories as an object array of str, one more for a missing value, codes into it)."""
    values = column.astype("category")
    cats = np.array([str(c) for c in values.cat.categories] + ["nan"], dtype=object)
    codes = values.cat.codes.to_numpy().astype(np.int32 if len(cats) < 2**31 else np.int64)
    codes[codes < 0] = len(cats) - 1
    return cats, codes


def count_terms(rows, *, by, articles, field: str):
    """`words.count_terms` on the selected rows: (article, term) pairs counted on the codes with
    numpy, then summed per group; strings made once per distinct term and article."""
    import pandas as pd

    cats, term = _codes(rows[field])
    cats = cats.astype(str)
    article, ids = article_codes(rows["article_id"])
    if by is None:
        group, labels = np.zeros(len(ids), np.int64), None
    elif by == "article_id":
        group, labels = np.arange(len(ids)), pd.Series(ids, dtype=str, name="article_id")
    else:  # each article's group; the rows of articles not in `articles` are left out
        table = articles[["article_id", by]].astype({"article_id": str}).drop_duplicates("article_id")
        at = pd.Index(table["article_id"]).get_indexer(ids)
        codes, uniques = pd.factorize(table[by], use_na_sentinel=False)
        group = np.where(at >= 0, codes[np.maximum(at, 0)], -1)
        labels = pd.Series(uniques, name=by)
    width = np.int64(len(cats))
    pairs, pair_n = np.unique(article.astype(np.int64) * width + term, return_counts=True)
    pair_group = group[pairs // width]
    inside = pair_group >= 0
    key = pair_group[inside] * width + pairs[inside] % width
    keys, where = np.unique(key, return_inverse=True)
    n = np.bincount(where, weights=pair_n[inside]).astype("int64")
    docs = np.bincount(where).astype("int64")
    out = pd.DataFrame({"term": pd.Series(cats[keys % width], dtype=str), "n": n, "docs": docs})
    if by is None:
        out["share"] = out["n"] / out["n"].sum()
        return out.sort_values(["n", "term"], ascending=[False, True], ignore_index=True)
    out.insert(0, by, labels.take(keys // width).reset_index(drop=True))
    out["share"] = out["n"] / out.groupby(keys // width)["n"].transform("sum").to_numpy()
    return out.sort_values([by, "n", "term"], ascending=[True, False, True], ignore_index=True)


def counted(rows, *, drop_stop: bool = True, drop_names: bool = True, drop_proper: bool = True,
            drop_filler: bool = True, keep_ks: bool = False, min_length: int = 2):
    """`words.counted`, each rule decided once per distinct lemma and token."""
    import pandas as pd

    from kslib.count.words import _filler

    lemmas, lemma = _codes(rows["lemma"])
    if "token" in rows.columns:
        tokens, token = _codes(rows["token"])
    else:
        tokens, token = lemmas, lemma
    filler = _filler()
    is_ks_cat = np.array([c == "KS" for c in lemmas], bool)
    ok = np.array([len(c) >= min_length and not c.endswith("-") for c in lemmas], bool)
    if drop_proper:
        ok &= np.array([not c[:1].isupper() for c in lemmas], bool) | (is_ks_cat & keep_ks)
    if drop_filler:
        ok &= np.array([c.lower() not in filler for c in lemmas], bool)
    if not keep_ks:
        ok &= ~is_ks_cat
    mask = ok[lemma] & np.array([not c.endswith("-") for c in tokens], bool)[token]
    if drop_stop:
        mask &= ~rows["is_stop"].astype(bool).to_numpy()
    if drop_names and "is_name" in rows.columns:
        mask &= ~rows["is_name"].astype(bool).to_numpy()
    return pd.Series(mask, index=rows.index)


def article_codes(column, *, sort: bool = False) -> tuple[np.ndarray, np.ndarray]:
    """(a code per row, the distinct ids as str): each distinct id made a string once, not
    each row (the terms' ids are categorical); with `sort`, codes in the ids' sorted order."""
    import pandas as pd

    codes, uniques = pd.factorize(column)
    ids = np.array([str(v) for v in uniques], dtype=object)
    if sort and len(ids):
        order = np.argsort(ids, kind="stable")
        rank = np.empty(len(ids), np.int64)
        rank[order] = np.arange(len(ids))
        codes, ids = rank[codes], ids[order]
    return codes.astype(np.int64), ids


def changes(column) -> np.ndarray:
    """A bool per row: True where the value differs from the row before (and at the first
    row); strings compared in Arrow, without a Python string per row."""
    import pandas as pd
    import pyarrow as pa
    import pyarrow.compute as pc

    out = np.ones(len(column), bool)
    if len(column) < 2:
        return out
    if isinstance(column.dtype, pd.CategoricalDtype):
        values = column.cat.codes.to_numpy()
    elif pd.api.types.is_string_dtype(column.dtype) or column.dtype == object:
        values = pa.chunked_array([pa.array(column.array if column.dtype != object else column.to_numpy(),
                                            from_pandas=True)])
        differs = pc.not_equal(values.slice(1), values.slice(0, len(column) - 1))
        out[1:] = pc.fill_null(differs, True).to_numpy(zero_copy_only=False)
        return out
    else:
        values = column.to_numpy()
    out[1:] = values[1:] != values[:-1]
    return out


def _runs(terms, field, kinds, n, forms, counted_kw):
    """The start rows of the n-grams of counted words inside one sentence, with the field's
    codes and categories; with `forms`, also each row's written form (lower case unless its
    lemma is a proper noun) as codes and categories. Works on the columns it needs, as 4-byte
    codes, restricted to the rows of the `kinds` (no copy of the terms frame: 46 million rows
    at 100,000 articles)."""
    import pandas as pd

    in_kind = terms["kind"].isin(kinds).to_numpy()
    take = slice(None) if in_kind.all() else in_kind  # usually every row: no copy

    def rows(values: np.ndarray) -> np.ndarray:
        return values[take]

    keep = rows(counted(terms, **counted_kw).to_numpy())
    cats, codes = _codes(terms[field])
    codes = rows(codes)
    # a sentence number per row: a new one wherever the article, paragraph or sentence changes
    # (the rows of a sentence stand together, in order, as the terms frame keeps them), or
    # rows of other kinds lie between
    article = rows(np.cumsum(changes(terms["article_id"]), dtype=np.int32) - 1)
    change = np.ones(len(codes), bool)
    change[1:] = article[1:] != article[:-1]
    for column in ("para_id", "sent_id"):
        values = rows(terms[column].to_numpy())
        change[1:] |= values[1:] != values[:-1]
        del values
    sentence = np.cumsum(change, dtype=np.int32)
    del change
    ok = keep.copy()
    for k in range(1, n):  # every word of the gram counts and lies in the start's sentence
        ok[: len(ok) - k] &= keep[k:] & (sentence[k:] == sentence[:-k])
    ok[len(ok) - n + 1 :] = False
    del keep, sentence
    starts = np.flatnonzero(ok)
    del ok
    written = None
    if forms:
        lemmas, lemma = _codes(terms["lemma"])
        proper = np.array([c[:1].isupper() for c in lemmas], bool)[rows(lemma)]
        del lemma
        tokens, token = _codes(terms["token"])
        token = rows(token)
        # each token code twice: as written (proper nouns) and in lower case; equal strings one code
        shapes = np.concatenate([tokens, np.array([c.lower() for c in tokens], dtype=object)])
        shape_codes, shape_names = pd.factorize(shapes)
        token += np.where(proper, 0, len(tokens)).astype(token.dtype)
        del proper
        written = (shape_codes.astype(np.int32)[token], np.asarray(shape_names, dtype=object))
    return starts, codes, cats, article, written


def count_ngrams(terms, n: int = 2, *, field: str = "lemma", min_count: int = 1, **counted_kw):
    """`words.count_ngrams` on the codes: grams grouped with numpy, their forms and documents
    counted per distinct gram."""
    import pandas as pd

    starts, codes, cats, article, written_forms = _runs(terms, field, COUNT_KINDS, n, True, counted_kw)
    form_codes, form_cats = written_forms
    if not len(starts):
        return pd.DataFrame({"ngram": pd.Series(dtype=object), "form": pd.Series(dtype=object),
                             "n": pd.Series(dtype="int64"), "docs": pd.Series(dtype="int64")})
    def key(columns: list[np.ndarray]) -> np.ndarray:
        """One small int per row of codes: pairs combined and numbered again at each step, so
        the numbers never overflow; grams group by a hash, not a sort of rows."""
        out = pd.factorize(columns[0])[0].astype(np.int64)
        for col in columns[1:]:
            out = pd.factorize(out * (int(col.max()) + 1) + col)[0].astype(np.int64)
        return out

    gram_codes = [codes[starts + k] for k in range(n)]
    gram = key(gram_codes)
    n_grams = int(gram.max()) + 1
    counts = np.bincount(gram, minlength=n_grams)
    pairs = np.unique(gram * (int(article.max()) + 1) + article[starts])  # distinct (gram, article)
    docs = np.bincount(pairs // (int(article.max()) + 1), minlength=n_grams)
    first = np.unique(gram, return_index=True)[1]  # each gram's first start row
    unique = np.stack([c[first] for c in gram_codes], axis=1)
    form_cols = [form_codes[starts + k] for k in range(n)]
    written = key([gram] + form_cols)
    pair_n = np.bincount(written)
    w_first = np.unique(written, return_index=True)[1]
    form_text = [" ".join(form_cats[c[i]] for c in form_cols) for i in w_first]
    # the most frequent form of each gram; ties go to the first in alphabetical order
    best = pd.DataFrame({"gram": gram[w_first], "n": -pair_n, "form": form_text}).sort_values(["gram", "n", "form"])
    best = best.drop_duplicates("gram").set_index("gram")["form"]
    keys = [" ".join(cats[c] for c in row) for row in unique]
    out = pd.DataFrame({"ngram": keys, "form": best.reindex(range(len(unique))).to_numpy(), "n": counts,
                        "docs": docs})
    out = out[out["n"] >= min_count].astype({"n": "int64", "docs": "int64"})
    return out.sort_values(["n", "ngram"], ascending=[False, True], ignore_index=True)


def collocations(terms, *, min_count: int = 2, field: str = "lemma", measure: str = "llr", **counted_kw):
    """`words.collocations` on the codes: the pairs and margins counted with numpy, PMI and G²
    computed for all pairs at once."""
    import pandas as pd

    starts, codes, cats, _, _ = _runs(terms, field, COUNT_KINDS, 2, False, counted_kw)
    columns = ["collocation", "n", "n_w1", "n_w2", "pmi", "llr"]
    if not len(starts):
        return pd.DataFrame({c: pd.Series(dtype=object if c == "collocation" else float) for c in columns})
    a, b = codes[starts], codes[starts + 1]
    total = len(starts)
    first = np.bincount(a, minlength=len(cats))
    second = np.bincount(b, minlength=len(cats))
    pairs, n11 = np.unique(np.stack([a, b], axis=1), axis=0, return_counts=True)
    keep = n11 >= min_count
    pairs, n11 = pairs[keep], n11[keep].astype(float)
    n1p, np1 = first[pairs[:, 0]].astype(float), second[pairs[:, 1]].astype(float)
    n = float(total)
    pmi = np.log2(n11 * n / (n1p * np1))
    n12, n21 = n1p - n11, np1 - n11
    n22 = n - n11 - n12 - n21
    llr = np.zeros(len(n11))
    for obs, exp in ((n11, n1p * np1 / n), (n12, n1p * (n - np1) / n), (n21, (n - n1p) * np1 / n),
                     (n22, (n - n1p) * (n - np1) / n)):
        with np.errstate(divide="ignore", invalid="ignore"):
            llr += np.where(obs > 0, obs * np.log(np.where(obs > 0, obs, 1) / exp), 0.0)
    llr *= 2
    out = pd.DataFrame({"collocation": [f"{cats[x]} {cats[y]}" for x, y in pairs], "n": n11.astype("int64"),
                        "n_w1": n1p.astype("int64"), "n_w2": np1.astype("int64"), "pmi": pmi, "llr": llr})
    from kslib.count.words import by_score

    return by_score(out, measure, "collocation")


def keyness(rows, target, *, field: str = "lemma", measure: str = "llr", min_count: int = 2):
    """`words.keyness` on the selected rows: the counts per distinct term with numpy, the 2x2
    tables' chi² and G² and their p values for all terms at once."""
    import pandas as pd
    from scipy.stats import chi2 as chi2_dist

    cats, codes = _codes(rows[field])
    article, ids = article_codes(rows["article_id"])  # each distinct article id tested once
    in_target = pd.Index(ids).isin(set(map(str, target)))[article]
    a = np.bincount(codes[in_target], minlength=len(cats)).astype(float)
    b = np.bincount(codes[~in_target], minlength=len(cats)).astype(float)
    seen = (a + b > 0) & (a + b >= min_count)
    a, b, terms = a[seen], b[seen], cats[seen]
    nt, nr = float(in_target.sum()), float((~in_target).sum())
    c, d = nt - a, nr - b
    n = a + b + c + d
    chi2 = np.zeros(len(a))
    g2 = np.zeros(len(a))
    with np.errstate(divide="ignore", invalid="ignore"):
        for obs, exp in ((a, (a + b) * (a + c) / n), (b, (a + b) * (b + d) / n), (c, (c + d) * (a + c) / n),
                         (d, (c + d) * (b + d) / n)):
            chi2 += np.where(exp > 0, (obs - exp) ** 2 / np.where(exp > 0, exp, 1), 0.0)
            g2 += np.where((obs > 0) & (exp > 0), obs * np.log(np.where(obs > 0, obs, 1) / np.where(exp > 0, exp, 1)),
                           0.0)
        g2 *= 2
        sign = np.where((nt > 0) & (nr > 0) & (a / max(nt, 1) >= b / max(nr, 1)) | (nr == 0), 1, -1)
    frame = pd.DataFrame({"term": terms, "n_target": a.astype("int64"), "n_reference": b.astype("int64"),
                          "chi2": sign * chi2, "llr": sign * g2, "p": chi2_dist.sf(chi2, 1)})
    from kslib.count.words import by_score

    return by_score(frame, measure, "term")
