"""Sentences that read the numbers, Norwegian numbers, and the minimum-n guard."""

import pandas as pd

from kslib import norwegian
from kslib.count import describe
from kslib.count.overview import count_by_period, count_years, describe_years


def test_norwegian_numbers():
    assert norwegian.number(1234.5, 1) == "1\u00a0234,5" and norwegian.number(7) == "7"
    assert norwegian.percent(1 / 9) == "11\u00a0%" and norwegian.percent(0.001) == "<1\u00a0%"
    assert norwegian.percent(0.9996) == ">99\u00a0%" and norwegian.share_of(13, 17) == "13 av 17 (76\u00a0%)"
    assert norwegian.listing(["Agder", "Troms", "Vestland"]) == "Agder, Troms og Vestland"
    assert norwegian.span([2024, 2018, 2021]) == "2018–2024" and norwegian.span([]) == "ukjent"


def test_describe_top_names_the_leader_with_its_count_and_share():
    quotes = pd.Series({"KS": 13, "Folkevalgte": 3, "Andre": 1})
    assert describe.describe_top(quotes, unit="sitater") == "KS har flest sitater: 13 av 17 (76\u00a0%)."
    tied = pd.Series({"Kari": 2, "Ola": 2, "Per": 1})
    assert describe.describe_top(tied, unit="sitater") == "Kari og Ola har flest sitater, 2 hver av 5."
    assert describe.describe_top(pd.Series({"a": 0}), unit="sitater") == "Ingen sitater å telle."


def test_describe_share_says_how_many_are_unknown():
    text = describe.describe_share(4, 9, subject="Kvinner", unit="siterte personer", unknown=1)
    assert text == "Kvinner er 4 av 9 (44\u00a0%) siterte personer; for 1 er det ukjent."


def test_years_are_in_time_order_with_gaps_and_unknown_years_are_counted_not_drawn():
    articles = pd.DataFrame({"article_id": list("abcde"),
                             "year": pd.array([2021, 2018, 2021, None, 2018], dtype="Int64")})
    years = count_years(articles)
    assert years["year"].tolist() == [2018, 2019, 2020, 2021] and years["n"].tolist() == [2, 0, 0, 2]
    assert describe_years(articles) == ("4 av 5 (80\u00a0%) artikler har et kjent år (2018–2021); "
                                        "1 uten kjent år (teksten sier det ikke sikkert nok) er ikke med "
                                        "i tidsseriene.")
    # what the years rest on, when not only the text
    articles["year_source"] = pd.array(["text", "metadata", "text", None, "page"], dtype="string")
    assert describe_years(articles).startswith("4 av 5 (80\u00a0%) artikler har et kjent år (2018–2021; "
                                               "2 fra teksten, 1 fra metadatafilen, 1 fra nettsidens dato)")
    articles["year_source"] = pd.array(["text", "url", "document", None, "url"], dtype="string")
    assert "2 fra nettsidens adresse, 1 fra teksten, 1 fra dokumentets egenskaper)" in describe_years(articles)


def test_a_trend_has_gaps_not_zeros_and_groups_absent_from_a_year_count_zero():
    articles = pd.DataFrame({"article_id": list("abcd"), "year": pd.array([2018, 2018, 2021, 2022], dtype="Int64")})
    quotes = pd.DataFrame({"article_id": ["a", "a", "b", "c", "d"], "group": ["KS", "KS", "other", "KS", "KS"]})
    trend = count_by_period(quotes, "Y", articles=articles, by="group").set_index(["period", "group"])
    assert pd.isna(trend.loc[("2019-01-01", "KS"), "n"]) and trend.loc[("2019-01-01", "KS"), "in_period"] == 0
    assert trend.loc[("2021-01-01", "other"), "n"] == 0  # a year with articles, none from the group
    assert trend.loc[("2018-01-01", "KS"), "per_article"] == 1.0  # 2 quotes / 2 articles
    total = count_by_period(articles, "Y")
    assert describe.describe_trend(total) == ("Fra 2018 til 2022 går antallet artikler per år fra 2 til 1, med "
                                              "flest i 2018 (2); 2 år i perioden har ingen artikler.")
    assert describe.describe_trend(total.head(1)).startswith("Bare 1 år har artikler")


def test_too_few_articles_stops_a_method_with_one_sentence():
    assert describe.too_few(5, "topics", "Temaer funnet av NMF") == (
        "Temaer funnet av NMF vises ikke: metoden trenger minst 20 artikler, og her er det 5.")
    assert describe.too_few(describe.MINIMUM["topics"], "topics", "x") is None
    assert describe.too_few(1, "keyness", "Særpregede ord for Viken").endswith("og her er det 1.")


def test_describe_validation_says_what_was_validated(seeds):
    from kslib import config
    from kslib.count.evaluate import evaluate_file

    result = evaluate_file(seeds, config.PROJECT_ROOT / "data/gold/seeds.json")
    text = describe.describe_validation(seeds, result, "data/gold/seeds.json")
    assert text.startswith("5 av 5 (100\u00a0%) artikler i mappen er håndmerket i seeds.json")
    assert "utviklet på nettopp disse artiklene" in text
    none = describe.describe_validation(seeds, None, "annen.json")
    assert none.startswith("Ingen av mappens 5 artikler er håndmerket i annen.json")
