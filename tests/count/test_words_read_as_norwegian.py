"""Word statistics that read as Norwegian: no proper nouns, filler or hyphen halves by default;
word pairs in their written form; KWIC rows named by title."""

import pandas as pd

from kslib.count import contexts, words as W

from ..conftest import terms_of

TEXT = ("Helse- og omsorgstjenester i Drammen\n\n"
        "Kommunene i Drammen og NHO gir god hjelp til kommunenes økonomi. "
        "Det er stor mangel på helse- og omsorgstjenester, og kommunenes økonomi øker. "
        "Kommunenes økonomi må tas på alvor, sier ordfører Kari Nordmann.")


def test_proper_nouns_filler_and_hyphen_halves_are_left_out_by_default_and_come_back_on_request():
    terms = terms_of({"a": TEXT})
    counted = set(W.count_terms(terms)["term"])
    assert {"Drammen", "NHO", "god", "gi", "stor"}.isdisjoint(counted)
    assert "helse" not in counted and "økonomi" in counted and "omsorgstjeneste" in counted
    everything = set(W.count_terms(terms, drop_proper=False, drop_filler=False)["term"])
    assert {"Drammen", "NHO", "god", "stor"} <= everything


def test_word_pairs_show_their_most_frequent_written_form():
    pairs = W.count_ngrams(terms_of({"a": TEXT}), 2).set_index("ngram")
    row = pairs.loc["kommune økonomi"]
    assert row["form"] == "kommunenes økonomi" and row["n"] == 3


def test_kwic_rows_are_named_by_title():
    terms = terms_of({"a": TEXT})
    articles = pd.DataFrame({"article_id": ["a"], "title": ["Helse- og omsorgstjenester i Drammen"], "text": [TEXT]})
    rows = contexts.kwic(terms, "økonomi", articles=articles)
    assert len(rows) == 3 and rows["title"].unique().tolist() == ["Helse- og omsorgstjenester i Drammen"]


def test_a_group_cloud_needs_enough_articles():
    texts = {f"v{i}": TEXT for i in range(3)} | {"o1": TEXT}
    terms = terms_of(texts)
    articles = pd.DataFrame({"article_id": list(texts), "region": ["Viken"] * 3 + ["Oslo"]})
    groups = W.group_frequencies(terms, articles, "region")
    assert list(groups) == ["Viken"]
