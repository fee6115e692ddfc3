"""Shortcuts taken for speed find exactly what the plain definitions find.

Each test states the plain definition (a regex scan over the whole text) and checks the
fast path against it on generated text made of the pieces that matter."""


import functools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kslib.extract import (
    _fast_dates,
    _fast_mentions,
    _fast_roles,
    date_patterns,
    dates,
    mentions,
    people,
    roles,
)
from kslib.extract import year_clauses
from kslib.structure import _fast_sentences, sentences

PIECES = ["Kari", "Nordmann", "Ole-Petter", "Berg-Hansen", "Łukasz", "Čáhppes", "van", "de", "der", "K.", "sier", "KS", "ordfører",
          "mandag", "Måndag", "TIRSDAG", "laurdag", "xmandag", "søndag", "5.", "12.", "mai", "Januar", "2021",
          "1999", "Viken", "korona", "Nye Bergen", "Vest-Agder", "Sogn og Fjordane", "İ", "_", "-", "'", "’",
          "«", "»", ",", ".", " ", "  ", "\n", "ø", "Å", "x"]
texts = st.lists(st.sampled_from(PIECES), max_size=30).map("".join)


@settings(max_examples=400, deadline=None)
@given(texts)
def test_name_runs_are_those_of_the_plain_pattern(text):
    """`NAME_RUN` puts its look-behind after the first capital, for speed; the plain form has it first."""
    plain = people.NAME_RUN_PLAIN
    assert [m.span(1) for m in people.NAME_RUN.finditer(text)] == [m.span(1) for m in plain.finditer(text)]


@settings(max_examples=400, deadline=None)
@given(texts, st.sampled_from(["Nordmann", "Berg-Hansen", "Kari", "de"]))
def test_surname_positions_are_whole_words(text, surname):
    assert _fast_mentions.word_starts(text, surname) == mentions.word_starts(text, surname)


@settings(max_examples=400, deadline=None)
@given(texts)
def test_weekday_dates_found_at_hints_are_all_of_them(text):
    fast = _fast_dates.weekday_dates(text, text.lower())
    assert [m.span() for m in fast] == [m.span() for m in dates.weekday_dates(text, text.lower())]


@settings(max_examples=400, deadline=None)
@given(texts)
def test_an_era_is_only_found_where_its_hints_are(text):
    for pattern, _, _, hints in date_patterns.ERAS:
        for m in pattern.finditer(text):
            assert m.group().startswith(hints), pattern.pattern
        plain = any(m.start() == 0 or not (m.string[m.start() - 1].isalnum() or m.string[m.start() - 1] == "_")
                    for m in (pattern.match(text, i) for i in range(len(text))) if m)
        assert _fast_dates.in_era(pattern, hints, text) == dates.in_era(pattern, hints, text) == plain


def test_a_weekday_date_and_an_era_still_decide_the_year():
    today = dates.dt.date(2026, 6, 1)
    # 2 January was a Friday in 2015 and 2026: the most recent wins ...
    assert dates.infer_year(["Møtet fredag 2. januar."], today=today) == 2026
    # ... unless the text places itself in an era (the 2015-2019 municipal reform)
    assert dates.infer_year(["Møtet fredag 2. januar om kommunereformen."], today=today) == 2015
    assert dates.infer_year(["Møtet FREDAG 2. januar om kommunereformen."], today=today) == 2015


NAME_WORDS = ["Tor", "Arne", "Jan", "Erik", "Gangsø", "Gangsø", "Gangso", "Innvær", "Hansen", "Hanssen", "Berg"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(st.sampled_from(NAME_WORDS), min_size=1, max_size=4), min_size=1, max_size=12))
def test_registry_lookup_is_the_plain_scan(names):
    registry = people.Registry()
    for pos, tokens in enumerate(names):
        expected = people.match_full_plain(registry.people, tokens)
        assert registry.match_full(tokens) is expected
        registry.add(tokens, pos)


def _resolve_word_by_definition(registry, words, pos):
    """Registry.resolve_word as first written: people before `pos` sorted by their last mention."""
    key = " ".join(words)
    before = sorted((p for p in registry.people if p.first_pos <= pos),
                    key=lambda p: -max((m for m in p.mentions if m <= pos), default=p.first_pos))
    after = [p for p in registry.people if p.first_pos > pos]
    for pool in (before, after):
        for p in pool:
            if p.surname == key or " ".join(p.tokens[-len(words):]) == key:
                return p
        for p in pool:
            if " ".join(p.given) == key or p.tokens[0] == key:
                return p
    if len(words) == 1 and len(key) > 4 and key.endswith("s") and not key.endswith("ss"):
        return _resolve_word_by_definition(registry, [key[:-1]], pos)  # a genitive
    return None


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.lists(st.sampled_from(NAME_WORDS), min_size=1, max_size=3), st.integers(0, 50)),
                min_size=1, max_size=10),
       st.lists(st.sampled_from(NAME_WORDS), min_size=1, max_size=2), st.integers(0, 50))
def test_resolving_a_word_is_the_sorted_scan(mentions, words, pos):
    registry = people.Registry()
    for tokens, at in mentions:
        registry.add(tokens, at)
    assert registry.resolve_word(words, pos) is _resolve_word_by_definition(registry, words, pos)


WORD_PIECES = ["Kari", "kommune", "1", "1.000", "2,5", "10 000", "15%", "-", "--", "'", "’", "_", "x_y", "abc-",
               "-def", "o'", "’s", ".", ",", " ", "  ", "\n", "\n\n", "www.ks.no", "https://ks.no/a-b", "post@ks.no",
               "#valg2023", "Foto: Kari", "æøå", "²", "½", "«", "»", "–", "(", ")"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(WORD_PIECES), min_size=1, max_size=40).map("".join))
def test_word_count_from_the_terms_pieces_is_count_words(text):
    """`n_words` is summed from the pieces the terms are made of; it must equal
    `structure.count_words` over the article's content paragraphs."""
    from kslib.extract.document import parse_many
    from kslib.read.decode import read_article
    from kslib.read.files import content_hash
    from kslib.structure.paragraphs import classify, count_words

    raw = text.encode("utf-8")
    docs = parse_many([(content_hash(raw), raw)])["docs"].to_pylist()[0]
    decoded = read_article(raw)
    if docs["reason"] is not None:
        return
    content = [p.text for p in classify(decoded.text) if p.kind not in ("boilerplate", "photo_credit")]
    assert docs["n_words"] == count_words("\n".join(content))


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from([".", "!", "»", '"', " ", "  ", "\n", "A", "a", "«", "(", "-", "–", "1", "É", "Ł", "…", "?",
                                 "bl.a.", "Kari"]), max_size=25).map("".join))
def test_sentence_cuts_are_those_of_the_plain_split(text):

    assert _fast_sentences.split_after_ends(text) == sentences.split_after_ends(text) == sentences._SPLIT.split(text)


@settings(max_examples=300, deadline=None)
@given(st.integers(0, 6), st.integers(1, 12), st.integers(1, 31), st.integers(2010, 2040))
def test_cached_weekday_years_are_the_calendar_s(weekday, month, day, last):
    def on(y):
        try:
            return dates.dt.date(y, month, day).weekday() == weekday
        except ValueError:  # 30 February: no year
            return False

    assert dates._years_with(weekday, month, day, last) == tuple(y for y in range(2010, last + 1) if on(y))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.integers(-(2**40), 2**40), max_size=200), st.integers(1, 5))
def test_sorting_helpers_are_numpy_unique(values, repeat):
    import numpy as np

    from kslib.arrays import distinct, distinct_first

    a = np.array(values * repeat, dtype=np.int64)
    assert np.array_equal(distinct(a), np.unique(a))
    got, want = distinct_first(a), np.unique(a, return_index=True)
    assert np.array_equal(got[0], want[0]) and np.array_equal(got[1], want[1])
    from kslib.arrays import distinct_pairs

    first, second = np.abs(a) % 7, np.abs(a) % 5
    pairs = distinct_pairs(first, second, 5)
    assert list(zip(*pairs)) == sorted(set(zip(first.tolist(), second.tolist())))


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("abcæøåÆØÅäöéòÉÒß'’ -.,\n\tİKẞ«»ikkjeIKKE") + ["\u0307", "\u212a"]),
               max_size=80))
def test_marker_words_are_the_plain_pattern_s(text):
    from kslib.structure import _fast_language, language

    assert _fast_language.marker_words(text) == language.marker_words(text)
    assert [w.decode("latin-1") for w in language.marker_words(text)] == language._WORD.findall(text.lower())


DATE_PIECES = ["1", "12", "31", "2", "0", ".", ". ", " ", "  ", "\n", "\t", "mai", "Mai", "januar", "JANUAR",
               "september", "mars", "2021", "1999", "2050", "20215", "x", "a", "-", ",", "İ", "ø", "fra "]
date_texts = st.lists(st.sampled_from(DATE_PIECES), max_size=25).map("".join)


@settings(max_examples=1000, deadline=None)
@given(date_texts)
def test_dates_found_at_years_are_all_of_them(text):
    low = text.lower()
    if len(low) != len(text):
        return  # `_scored_dates` scans the whole text then
    years = list(date_patterns.ANY_YEAR.finditer(text))
    for pattern, starts in ((date_patterns.FULL_DATE, _fast_dates.full_date_starts),
                            (date_patterns.NUMERIC_DATE, _fast_dates.numeric_date_starts),
                            (date_patterns.MONTH_YEAR, _fast_dates.month_year_starts)):
        fast = _fast_dates.ending_at_years(pattern, starts, text, low, years)
        plain = dates.ending_at_years(pattern, starts, text, low, years)
        assert [m.span() for m in fast] == [m.span() for m in plain], pattern.pattern


RANGE_PIECES = ["2020", "2021", "1999", "20215", "12020", "-", "–", "/", " ", "til", "og", "x", "1", "."]


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.sampled_from(RANGE_PIECES), max_size=20).map("".join))
def test_ranges_found_at_neighbouring_years_are_all_of_them(text):
    years = list(date_patterns.ANY_YEAR.finditer(text))
    assert [m.span() for m in _fast_dates.ranges(text, years)] == [m.span() for m in dates.ranges(text, years)]


ROLE_PIECES = ["ordfører", "rådmann", "direktør", "i", "KS", "KS'", ",", ", ", ".", " - ", " – ", " ", "  ", "\n",
               "Drammens", "nye", "og", "HR-", "for", "ved", "adm.", "Kari", "(", ")", "«", "»", ":", "x" * 40]
role_texts = st.lists(st.sampled_from(ROLE_PIECES), max_size=60).map(" ".join)


@settings(max_examples=500, deadline=None)
@given(role_texts, st.integers(min_value=0, max_value=400))
def test_the_clause_before_a_name_read_back_is_the_plain_reading(text, at):
    """`_fast_roles.clause_before` reads back only what it needs; `roles.clause_before` splits
    everything before the name: they give the same words, so the same role."""
    start = min(at, len(text))
    assert _fast_roles.clause_before(text, start) == roles.clause_before(text, start)
    assert _fast_roles.clause_before("x " * 600 + text, start + 1200) == roles.clause_before("x " * 600 + text, start + 1200)


@settings(max_examples=300, deadline=None)
@given(role_texts, st.integers(min_value=0, max_value=400))
def test_the_word_before_a_name_is_the_last_word_of_a_split(text, at):
    start = min(at, len(text))
    plain = text[:start].split()[-1:]
    assert mentions._word_before(text, start) == (plain[0] if plain else "")
    assert mentions._word_before(" " * 1001 + text, start + 1001) == (plain[0] if plain else "")


TERM_PIECES = ["Kari", "kommune", "1", "2,5", "15%", "-", "--", "-" * 50, "helse-", "#tag", "post@ks.no", "www.ks.no/x",
               "https://ks.no/a.", ".", "...", " ", "\n", "«", "»", "æ", "’"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(TERM_PIECES), max_size=30).map("".join), st.booleans())
def test_pieces_found_with_the_sentinel_are_those_of_findall(text, special):
    from kslib.structure import tokens as terms

    assert terms.pieces_of(text, special) == terms.pieces_plain(text, special)


#: Parts of Norwegian compounds (bokmål and nynorsk), endings, and characters the trie filter
#: must leave to simplemma (apostrophes, ß, a capital, İ, Greek sigma, a digit)
COMPOUND_PIECES = ["kommune", "styre", "møte", "utval", "utvalg", "et", "ene", "ane", "ar", "er", "s", "e", "n",
                   "økonomi", "barne", "hage", "fylkes", "direktør", "tjeneste", "teneste", "helse", "plan", "arbeid",
                   "omsorg", "skule", "skole", "ordfør", "innbygg", "jar", "sjef", "leder", "leiar", "x", "q", "å",
                   "-", "'", "’", "ß", "K", "Ø", "İ", "σ", "Σ", "2", "ﬁ"]


def test_compounds_are_split_by_the_trie_filter():
    """The lemmatiser kslib uses has the fast affix search in place (else the speed is gone
    silently when simplemma changes)."""
    from kslib.structure import _fast_lemmas
    from kslib.structure import tokens as terms

    assert isinstance(terms.lemmatizer()._lemmatization_strategy._affix_search, _fast_lemmas.PrefixFilteredAffix)


@settings(max_examples=600, deadline=None)
@given(st.lists(st.sampled_from(COMPOUND_PIECES), min_size=1, max_size=6).map("".join), st.sampled_from(["nb", "nn"]))
def test_compound_lemmas_are_simplemmas_own(word, lang):
    """`PrefixFilteredAffix` (only the prefixes the trie holds tried as first parts) gives the
    lemma of simplemma's own affix decomposition over the same word lists."""
    import simplemma
    from simplemma.strategies import DefaultStrategy
    from simplemma.strategies.dictionaries import TrieDictionaryFactory

    from kslib.structure import tokens as terms

    plain = _plain_lemmatizer(simplemma, DefaultStrategy, TrieDictionaryFactory)
    assert type(plain._lemmatization_strategy._affix_search).__name__ == "AffixDecompositionStrategy"
    assert terms.lemmatizer().lemmatize(word, lang=lang) == plain.lemmatize(word, lang=lang)


@pytest.mark.parametrize("word", [
    "østfoldet", "valdresen",  # a first part the word list holds only with a capital (Østfold, Valdres)
    "finger’nar",  # an apostrophe: simplemma also tries the part with the other apostrophe (finger'n)
    "straße", "İstanbulmøtet", "ΣΣkommunar", "kommune-Norge", "2020-budsjettet"])
@pytest.mark.parametrize("lang", ["nb", "nn"])
def test_compound_lemmas_on_the_edge_cases_are_simplemmas_own(word, lang):
    """The words where a filter of prefixes as written, or one applied to any token, would
    differ from simplemma (each case made one of those filters fail)."""
    import simplemma
    from simplemma.strategies import DefaultStrategy
    from simplemma.strategies.dictionaries import TrieDictionaryFactory

    from kslib.structure import tokens as terms

    plain = _plain_lemmatizer(simplemma, DefaultStrategy, TrieDictionaryFactory)
    assert terms.lemmatizer().lemmatize(word, lang=lang) == plain.lemmatize(word, lang=lang)


@functools.lru_cache(maxsize=1)
def _plain_lemmatizer(simplemma, strategy, factory):
    return simplemma.Lemmatizer(lemmatization_strategy=strategy(dictionary_factory=factory()))


@pytest.mark.parametrize("pattern, window", [("tariff*", 6), ("kommune*", 3), ("og", 6), ("*het", 1), ("ks", 6),
                                             ("finnesikke", 6)])
def test_kwic_is_its_paragraph_by_paragraph_definition(seeds, pattern, window):
    """The fast `kwic` (the pattern matched once per distinct word, only the hits' windows read)
    gives the rows of `kwic_plain`, which walks every paragraph, windows cut at paragraph ends."""
    from kslib.count.contexts import kwic, kwic_plain

    fast = kwic(seeds.terms, pattern, window=window, articles=seeds.articles)
    plain = kwic_plain(seeds.terms, pattern, window=window, articles=seeds.articles)
    assert fast.astype(str).values.tolist() == plain.astype(str).values.tolist()
    assert list(fast.columns) == list(plain.columns)


@pytest.mark.parametrize("options", [{}, {"keep_ks": True}, {"drop_proper": False}, {"drop_stop": False,
                                      "drop_filler": False, "min_length": 4}, {"drop_names": False}])
def test_the_word_counts_are_their_plain_definitions(seeds, options):
    """`counted`, `count_ngrams` and `collocations` (numpy on the categorical codes) give what
    their plain twins (a Python loop over every word) give, on the seeds and on a frame whose
    columns are plain strings."""
    import numpy as np

    from kslib.count import words as W

    for terms in (seeds.terms, seeds.terms.astype({"token": str, "lemma": str})):
        assert W.counted(terms, **options).tolist() == W.counted_plain(terms, **options).tolist()
        for n in (2, 3):
            fast, plain = W.count_ngrams(terms, n, **options), W.count_ngrams_plain(terms, n, **options)
            assert fast.values.tolist() == plain.values.tolist()
        fast, plain = W.collocations(terms, min_count=1, **options), W.collocations_plain(terms, min_count=1, **options)
        assert fast[["collocation", "n", "n_w1", "n_w2"]].values.tolist() == \
            plain[["collocation", "n", "n_w1", "n_w2"]].values.tolist()
        assert np.allclose(fast[["pmi", "llr"]].to_numpy(), plain[["pmi", "llr"]].to_numpy(), rtol=1e-9, atol=1e-9)


@pytest.mark.parametrize("share, min_count", [(0.4, 2), (0.2, 1), (1.0, 2), (0.0, 1)])
def test_keyness_is_its_plain_definition(seeds, share, min_count):
    """`keyness` (all 2x2 tables at once) gives `keyness_plain`'s rows, also with every article
    or none in the target."""
    import numpy as np

    from kslib.count import words as W

    ids = seeds.articles["article_id"].head(round(share * len(seeds.articles)))
    fast, plain = W.keyness(seeds.terms, ids, min_count=min_count), W.keyness_plain(seeds.terms, ids, min_count=min_count)
    assert fast[["term", "n_target", "n_reference"]].values.tolist() == \
        plain[["term", "n_target", "n_reference"]].values.tolist()
    assert np.allclose(fast[["chi2", "llr", "p"]].to_numpy(float), plain[["chi2", "llr", "p"]].to_numpy(float))


def test_lemma_lists_are_the_groupby(seeds):
    """The topics' documents cut from the codes are the lemma lists a groupby gives."""
    from kslib.count.topics import _lemma_lists
    from kslib.count.words import select

    rows = select(seeds.terms)
    plain = rows.groupby("article_id", observed=True, sort=True)["lemma"].agg(lambda s: list(s.astype(str)))
    fast = _lemma_lists(rows)
    assert fast.index.astype(str).tolist() == plain.index.astype(str).tolist() and fast.tolist() == plain.tolist()


def test_doc_positions_is_a_lookup_of_every_row():
    """`doc_positions` over chunks with their own dictionaries, a shared one, and plain strings
    gives, row by row, the position of the row's document in `docs` (null when absent)."""
    import pyarrow as pa

    from kslib.arrays import doc_positions

    docs = [f"d{i}" for i in range(50)]
    rows = [[f"d{(7 * i + k) % 60}" for i in range(23)] for k in range(9)]  # d50-d59 are not in `docs`
    own = pa.chunked_array([pa.array(r).dictionary_encode() for r in rows])
    plain = pa.chunked_array([pa.array(r) for r in rows])
    shared = pa.chunked_array([pa.array(r).dictionary_encode() for r in rows]).unify_dictionaries()
    expected = [docs.index(v) if v in docs else None for r in rows for v in r]
    for column in (own, plain, shared):
        assert doc_positions(column, docs).to_pylist() == expected


@pytest.mark.parametrize("min_df, max_df", [(1, 0.9), (2, 1.0), (1, 0.5)])
def test_tfidf_from_codes_is_scikit_learns(seeds, min_df, max_df):
    """The TF-IDF matrix counted on the codes is `TfidfVectorizer`'s: the same rows, columns
    and values, also when `min_df` and `max_df` prune lemmas."""
    import numpy as np

    from kslib.count.topics import _tfidf, _tfidf_plain
    from kslib.count.words import select

    rows = select(seeds.terms)
    fast, plain = _tfidf(rows, min_df=min_df, max_df=max_df), _tfidf_plain(rows, min_df=min_df, max_df=max_df)
    assert list(fast.ids) == list(plain.ids) and list(fast.vocab) == list(plain.vocab)
    assert fast.matrix.shape == plain.matrix.shape
    assert np.allclose(fast.matrix.toarray(), plain.matrix.toarray(), rtol=1e-12, atol=1e-12)


def test_tfidf_from_codes_fails_like_scikit_learn_when_nothing_is_left(seeds):
    from kslib.count.topics import _tfidf, _tfidf_plain
    from kslib.count.words import select

    rows = select(seeds.terms)
    for build in (_tfidf, _tfidf_plain):
        with pytest.raises(ValueError):
            build(rows, min_df=10_000, max_df=1.0)


def test_select_is_the_kinds_then_the_counted_words(seeds):
    """`select` (one mask over the whole frame) keeps the rows the two filters in turn keep."""
    from kslib.count.words import counted_plain, select
    from kslib.schema import COUNT_KINDS

    terms = seeds.terms
    rows = terms[terms["kind"].isin(COUNT_KINDS)]
    plain = rows[counted_plain(rows)]
    assert select(terms).equals(plain)
    assert select(terms, columns=["article_id", "lemma"]).equals(plain[["article_id", "lemma"]])


@pytest.mark.parametrize("by", [None, "article_id", "region", "year", "language"])
def test_count_terms_is_its_plain_definition(seeds, by):
    """`count_terms` (pairs counted on the codes) is `count_terms_plain` (a groupby on the
    strings), overall and per article or group, also with an article missing from `articles`."""
    import pandas as pd

    from kslib.count import words as W

    articles = seeds.articles.iloc[1:]  # the first article's words belong to no group
    for kw in ({}, {"drop_proper": False, "keep_ks": True}):
        fast = W.count_terms(seeds.terms, by=by, articles=articles, **kw)
        plain = W.count_terms_plain(seeds.terms, by=by, articles=articles, **kw)
        pd.testing.assert_frame_equal(fast, plain, check_dtype=False, check_categorical=False)
        assert list(fast.dtypes.astype(str)) == list(plain.dtypes.astype(str))


def test_group_frequencies_are_each_groups_own_count(seeds):
    """The clouds per group (one count of all groups) are the counts of each group's articles
    alone, in the same order."""
    from kslib.count import words as W
    from kslib.schema import DISPLAY_VALUES, fill_unknown

    articles = seeds.articles
    groups = W.group_frequencies(seeds.terms, articles, "region", n_groups=9, min_articles=1)
    labels = fill_unknown(articles["region"]).astype(str)
    assert len(groups) == labels.nunique() == 5
    for label in labels.unique():
        name = DISPLAY_VALUES.get(label, label)
        ids = set(articles.loc[labels == label, "article_id"].astype(str))
        alone = W.frequencies(seeds.terms[seeds.terms["article_id"].astype(str).isin(ids)])
        assert list(groups[name].items()) == list(alone.items())


@pytest.mark.parametrize("dtype", ["str", "string[pyarrow]", "object", "category", "int64"])
def test_changes_marks_where_a_value_differs_from_the_row_before(dtype):
    import pandas as pd

    from kslib.count._fast_words import changes

    values = ["a", "a", "b", "b", "b", "a", "c", "c"]
    column = pd.Series([ord(v) for v in values] if dtype == "int64" else values).astype(dtype)
    assert changes(column).tolist() == [True, False, True, False, False, True, True, False]
    assert changes(column.iloc[:1]).tolist() == [True] and changes(column.iloc[:0]).tolist() == []


def test_the_prefix_trie_is_built_once_kept_and_rebuilt_when_damaged(tmp_path, monkeypatch):
    """The trie of first-letter-lowered keys is written to the user cache folder, read from there
    by the next process, and built again from a damaged file; its prefixes of a lower-case word
    are the word list's as written and capitalised."""
    import marisa_trie

    from kslib.structure import _fast_lemmas

    monkeypatch.setattr(_fast_lemmas, "_prefix_trie_path", lambda lang, n: tmp_path / f"{lang}-{n}.marisa")
    words = marisa_trie.BytesTrie([("Østfold", b"x"), ("kommune", b"y"), ("Kommunestyre", b"z"), ("İzmir", b"w")])
    built = _fast_lemmas._prefix_trie("nb", words)
    assert sorted(built.prefixes("østfoldkommunestyret")) == ["østfold"]
    assert sorted(built.prefixes("kommunestyret")) == ["kommune", "kommunestyre"]
    assert built.prefixes("izmir") == []  # İ lower-cases to two characters: kept as written
    path = tmp_path / f"nb-{len(words)}.marisa"
    assert path.is_file()
    assert sorted(_fast_lemmas._prefix_trie("nb", words).keys()) == sorted(built.keys())
    path.write_bytes(b"not a trie")
    assert sorted(_fast_lemmas._prefix_trie("nb", words).keys()) == sorted(built.keys())


CLAUSE_PIECES = ["Planen", "skal", "SKAL", "vil", "ville", "kommer", "kom", "til", "å", "opprinnelig", "Opprinnelig",
                 "opphavleg", "den", "gang", "gangen", "i", "sin", "tid", "2015", "2021", "at", "som", ", ", ". ",
                 "ber", "om", "Ordninga", "xskal", "skalx", "İ", "\n", " ", "  "]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(CLAUSE_PIECES), max_size=30).map(" ".join), st.sampled_from(["FUTURE", "RETROSPECTIVE"]))
def test_a_clause_passed_over_by_its_first_words_has_none_of_the_patterns(text, name):
    """`in_clause` skips the pattern in a clause without any phrase's first word (lower case);
    `in_clause_plain` always runs it."""
    words = getattr(year_clauses, name)
    for at in range(0, len(text), 3):
        assert year_clauses.in_clause(words, text, at, at + 1) == year_clauses.in_clause_plain(words, text, at, at + 1)
