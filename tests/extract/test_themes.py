"""Theme dictionaries: wildcards, compounds, user files; NMF topics are reproducible."""

import pytest

from kslib.count import themes as THC
from kslib.count import topics
from kslib.extract import themes as TH

from ..conftest import terms_of


@pytest.mark.parametrize(
    "lemma, theme",
    [
        ("kommuneøkonomi", "kommuneøkonomi"), ("tariffoppgjør", "arbeidsgiverpolitikk og lønn"),
        ("mellomoppgjør", "arbeidsgiverpolitikk og lønn"), ("ki", "digitalisering og innovasjon"),
        ("velferdsteknologi", "digitalisering og innovasjon"), ("utenforskap", "inkludering og utenforskap"),
        ("utanforskap", "inkludering og utenforskap"), ("beredskap", "samfunnssikkerhet og beredskap"),
        ("totalberedskap", "samfunnssikkerhet og beredskap"), ("barnevern", "oppvekst og utdanning"),
    ],
)
def test_wildcards_and_compounds(lemma, theme):
    assert theme in TH.matcher()(lemma)


def test_default_dictionary_has_every_policy_area():
    names = {t.name for t in TH.load_themes()}
    assert len(names) >= 12 and "kommuneøkonomi" in names and "klima, energi og miljø" in names
    assert all(t.description for t in TH.load_themes())


def test_user_dictionary(tmp_path):
    path = tmp_path / "mine.toml"
    path.write_text('[[theme]]\nname = "fisk"\ndescription = "Fiske"\npatterns = ["*fisk*", "laks"]\n',
                    encoding="utf-8")
    t = terms_of({"a": "Fiskeriene og laksen er viktige. Kommunen satser på fiskeoppdrett."})
    tagged = THC.tag_themes(t, path)
    assert set(tagged["theme"]) == {"fisk"} and tagged["hits"].sum() == 3


def test_bad_dictionary_is_a_clear_error(tmp_path):
    path = tmp_path / "tom.toml"
    path.write_text('[[theme]]\nname = "x"\n', encoding="utf-8")
    with pytest.raises(TH.ThemeError, match="pattern"):
        TH.load_themes(path)


def test_pipeline_themes_equal_tag_themes(seeds):
    again = THC.tag_themes(seeds.terms)
    got = seeds.themes[["article_id", "para_id", "theme", "hits"]].astype({"theme": str})
    key = ["article_id", "para_id", "theme"]
    assert got.sort_values(key).reset_index(drop=True).equals(
        again[["article_id", "para_id", "theme", "hits"]].astype({"article_id": "string"}).sort_values(key)
        .reset_index(drop=True))


def test_theme_scores_have_zero_rows(seeds):
    scores = THC.theme_scores(seeds.themes, seeds.articles)
    assert len(scores) == len(seeds.articles) * len(TH.load_themes())
    assert (scores.groupby("article_id")["share"].sum().round(6) == 1).all()


def test_topics_are_deterministic_and_run_on_five_articles(seeds):
    a = topics.fit_topics(seeds.terms, 6)
    b = topics.fit_topics(seeds.terms, 6)
    assert a.terms.equals(b.terms) and a.articles.equals(b.articles)
    assert a.terms["topic"].nunique() == 4  # capped by the number of articles - 1
    assert (a.articles.groupby("article_id")["weight"].sum().round(6) == 1).all()


def test_topics_learnt_from_a_sample_weigh_every_article(seeds):
    """Above `fit_at_most` articles the topics are learnt from a sample, and still every
    article gets its weights; `fitted_on` says how many articles taught the model."""
    from kslib.count import topics

    full = topics.fit_topics(seeds.terms, 2)
    sampled = topics.fit_topics(seeds.terms, 2, fit_at_most=3)
    n = seeds.terms["article_id"].nunique()
    assert full.fitted_on == n and sampled.fitted_on == 3
    assert sorted(sampled.articles["article_id"].unique()) == sorted(full.articles["article_id"].unique())
    assert sampled.articles.groupby("article_id")["weight"].sum().round(9).isin([0.0, 1.0]).all()


def test_the_topic_basis_says_when_a_sample_taught_the_model(seeds):
    import kslib as ks
    from kslib.count import topics

    n = seeds.terms["article_id"].nunique()
    assert ks.describe_topic_basis(topics.fit_topics(seeds.terms, 2)) == \
        f"Temaene er lært fra alle de {n} artiklene med ord som telles."
    assert "utvalg på 3 av de" in ks.describe_topic_basis(topics.fit_topics(seeds.terms, 2, fit_at_most=3))


def test_the_matcher_equals_each_theme_tried_in_turn(seeds):
    """`matcher` tries all patterns at once before each theme's: the same themes as trying each."""
    themes = TH.load_themes()
    match = TH.matcher(themes)
    lemmas = set(seeds.terms["lemma"].astype(str).str.lower()) | {"kommune-norge", "barnehage", "skolen", "x", ""}
    for lemma in lemmas:
        assert match(lemma) == tuple(t.name for t in themes if t.regex.match(lemma)), lemma
    assert any(match(lemma) for lemma in lemmas) and any(not match(lemma) for lemma in lemmas)


@pytest.mark.parametrize("patterns", [["a*b", "*"], ["*mid*", "kom*une", "Skole"], ["*het", "x"]])
def test_the_matcher_on_any_kind_of_pattern(patterns):
    """Patterns with a wildcard first, last, inside, or only one: the matcher finds what the
    theme's regex finds, for words that match and words that do not."""
    themes = (TH.Theme("t", "", tuple(patterns)),)
    match = TH.matcher(themes)
    for lemma in ["ab", "axxb", "a'b", "b", "", "amidb", "midt", "kommune", "kom-une", "skole", "frihet", "x", "xy"]:
        assert match(lemma) == (("t",) if themes[0].regex.match(lemma) else ()), lemma
