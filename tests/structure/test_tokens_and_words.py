"""Tokens, lemmas, stop words, frequencies and the statistics, checked by hand."""

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kslib.count import contexts, words as W
from kslib.structure import tokens as T

from ..conftest import terms_of


@pytest.mark.parametrize(
    "word, lang, lemma",
    [
        ("kommunene", "nb", "kommune"), ("tariffoppgjøret", "nb", "tariffoppgjør"),
        ("kommunedirektørene", "nb", "kommunedirektør"), ("omstillingen", "nb", "omstilling"),
        ("kommunane", "nn", "kommune"), ("ordførarane", "nn", "ordførar"), ("tenestene", "nn", "teneste"),
        ("KS", "nb", "KS"), ("KI", "nb", "KI"),
    ],
)
def test_lemmatize(word, lang, lemma):
    assert T.lemmatize(word, lang) == lemma


def test_proper_nouns_inside_a_sentence_keep_their_form():
    t = terms_of({"a": "Rådmannen i Drammen er fornøyd med Drammens økonomi."})
    assert "Drammen" in set(t["lemma"]) and "dram" not in set(t["lemma"])


def test_tokenizer_keeps_urls_emails_hashtags_numbers_and_compounds_whole():
    text = "Se www.ks.no/fagomrader eller skriv til post@ks.no om #valgløfte2023, 3,2 mrd og KS-direktøren."
    got = T.tokenize(text)
    assert ("www.ks.no/fagomrader", "url") in got and ("post@ks.no", "email") in got
    assert ("#valgløfte2023", "hashtag") in got and ("3,2", "number") in got and ("KS-direktøren", "word") in got


@pytest.mark.parametrize("word, stop", [("og", True), ("ikkje", True), ("eit", True), ("frå", True),
                                        ("sier", True), ("kommune", False), ("utenforskap", False)])
def test_stop_words_bokmål_and_nynorsk(word, stop):
    assert T.is_stop(word, word) is stop


def test_counts_leave_out_stop_words_captions_and_credits():
    t = terms_of({"a": "Kommunene satser.\n\nFoto: Kari Fotograf\n\nBILDE: Kommunene i sol.",
                  "b": "Kommunene og kommunen samarbeider."})
    counts = W.count_terms(t)
    assert counts.set_index("term").loc["kommune", "n"] == 3  # not the caption's
    assert counts.set_index("term").loc["kommune", "docs"] == 2
    assert "og" not in set(counts["term"]) and "Fotograf" not in set(counts["term"])
    per = W.count_terms(t, by="article_id")
    assert per[per["article_id"] == "b"].set_index("term").loc["kommune", "n"] == 2


def test_collocation_statistics_match_hand_computation():
    t = terms_of({"a": "Ungt utenforskap er et problem. Ungt utenforskap øker. Utenforskap koster."})
    col = W.collocations(t, min_count=2, field="token").set_index("collocation")
    # adjacent content-word pairs within sentences (stop words `er et` break them):
    # (Ungt, utenforskap) x2, (utenforskap, øker), (Utenforskap, koster): 4 pairs in all
    row = col.loc["Ungt utenforskap"]
    assert (row["n"], row["n_w1"], row["n_w2"]) == (2, 2, 2)
    assert row["pmi"] == pytest.approx(math.log2(2 * 4 / (2 * 2)))
    assert row["llr"] == pytest.approx(W.llr_2x2(2, 2, 2, 4))


def test_llr_and_chi2_by_hand():
    # table [[10, 20], [90, 880]]
    chi2, g2 = W.keyness_2x2(10, 20, 90, 880)
    n = 1000
    exp = [30 * 100 / n, 30 * 900 / n, 970 * 100 / n, 970 * 900 / n]
    obs = [10, 20, 90, 880]
    assert chi2 == pytest.approx(sum((o - e) ** 2 / e for o, e in zip(obs, exp)))
    assert g2 == pytest.approx(2 * sum(o * math.log(o / e) for o, e in zip(obs, exp)))
    assert W.llr_2x2(10, 30, 100, 1000) == pytest.approx(g2)


def test_keyness_signs_and_ranks():
    t = terms_of({"a": "Tariffoppgjøret og lønn. Tariffoppgjøret igjen. Lønn og tariffoppgjøret.",
                  "b": "Skolen og barnehagen. Skolen igjen. Barnehagen og skolen."})
    k = W.keyness(t, ["a"], min_count=2)
    assert k.iloc[0]["term"] == "tariffoppgjør" and k.iloc[0]["llr"] > 0
    assert k.set_index("term").loc["skole", "llr"] < 0


def test_kwic_and_tfidf():
    t = terms_of({"a": "Vi snakket om tariffoppgjøret i går.", "b": "Skolen er viktig."})
    kw = contexts.kwic(t, "tariff*", window=2)
    assert kw.iloc[0][["left", "keyword", "right"]].tolist() == ["snakket om", "tariffoppgjøret", "i går"]
    tf = W.tfidf_terms(t, n=1)
    assert set(tf["article_id"]) == {"a", "b"}


def test_ngrams():
    t = terms_of({"a": "Grønn omstilling og grønn omstilling igjen, sa sosial bærekraft."})
    ng = W.count_ngrams(t, 2).set_index("ngram")
    assert ng.loc["grønn omstilling", "n"] == 2


# -- the chunk path (pieces analysed once) agrees with a walk over the characters --------

WORDS = ["Kommunen", "kommunen", "Drammen", "sier", "ordfører", "KS", "IA-arbeidet", "HR-", "3,2", "1 000", "2024",
         "«Vi", "må»", "–", "-", "(Bodø)", "www.ks.no/fag.", "https://ks.no/a-b", "post@ks.no", "kari@ks.no-",
         "#valg2023", "Ja!", "nei?", "slik:", "bl.a.", "…", "Kari", "Nordmann", "ikkje", "eg", "Dei", "og"]


def _reference_terms(paragraphs: list[str], lang: str) -> list[tuple]:
    """(para_id, token_id, sent_id, token, lemma, is_stop) by the character walk, per paragraph."""
    rows, token_id = [], 0
    for para_id, text in enumerate(paragraphs):
        toks, lemmas, stops, sents, _ = T._exact_terms(text, lang)
        for tok, lemma, stop, sent in zip(toks, lemmas, stops, sents):
            rows.append((para_id, token_id, sent, tok, lemma, stop))
            token_id += 1
    return rows


def _chunk_terms(paragraphs: list[str], lang: str, names=frozenset(), spans=None):
    from kslib.structure.paragraphs import Paragraph

    paras = [Paragraph(i, "body", text, i) for i, text in enumerate(paragraphs)]
    table = T.words_table([T.ArticleWords("d", lang, paras, frozenset(names), spans or {})], ["d"])
    return table.to_pandas()


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(st.sampled_from(WORDS), min_size=1, max_size=14).map(" ".join), min_size=1, max_size=4),
       st.sampled_from(["nb", "nn"]))
def test_chunk_terms_equal_the_character_walk(paragraphs, lang):
    got = _chunk_terms(paragraphs, lang)
    rows = list(zip(got["para_id"], got["token_id"], got["sent_id"], got["token"].astype(str),
                    got["lemma"].astype(str), got["is_stop"]))
    assert rows == _reference_terms(paragraphs, lang)


@pytest.mark.parametrize("text, proper", [
    ("Drammen vokser.", False),             # a paragraph's first word opens a sentence
    ("I dag vokser Drammen.", True),         # inside a sentence: a proper noun
    ("Det vokser. Drammen også.", False),    # after a full stop
    ("Han sa: Drammen vokser.", False),      # after a colon
    ("Se www.ks.no. Drammen vokser.", False),  # a URL ending in a full stop (the exact walk)
])
def test_capitals_inside_a_sentence_keep_their_form(text, proper):
    terms = _chunk_terms([text], "nb")
    lemma = terms.loc[terms["token"].astype(str) == "Drammen", "lemma"].astype(str).iloc[0]
    assert (lemma == "Drammen") is proper


def test_name_words_and_name_spans_are_marked():
    text = "Ordfører Kari Nordmann og Per A. Hansen møtte Nordmann igjen."
    start = text.index("Per")
    terms = _chunk_terms([text], "nb", names={"Kari", "Nordmann"}, spans={0: [(start, start + len("Per A. Hansen"))]})
    marked = dict(zip(terms["token_id"], terms["is_name"]))
    tokens = list(terms["token"].astype(str))
    assert [tokens[i] for i, is_name in marked.items() if is_name] == ["Kari", "Nordmann", "Per", "A", "Hansen",
                                                                       "Nordmann"]


@pytest.mark.parametrize("word", ["kommunene", "tariffoppgjøret", "kommunedirektørene", "ordførarane", "tenestene",
                                  "barnehagene", "sykehjemmet", "fylkeskommunane", "innbyggjarane", "løftet"])
@pytest.mark.parametrize("lang", ["nb", "nn"])
def test_trie_word_lists_give_simplemmas_own_lemmas(word, lang):
    import simplemma

    assert T.lemmatizer().lemmatize(word, lang=lang) == simplemma.lemmatize(word, lang=lang)
