"""evaluate's arithmetic on a tiny hand-made gold."""

import json

import pandas as pd
import pytest

from kslib.corpus import load_corpus
from kslib.count.evaluate import evaluate, prf

from ..conftest import write

ARTICLE_A = ("- Vi må satse på skolen, sier ordfører Kari Nordmann.\n\n"
             "- Det er viktig for alle.\n\n"
             "Rådmann Per Hansen var også til stede.")
ARTICLE_B = "Fylkesordfører Ola Berg åpnet møtet.\n\n«Vi er glade for den nye avtalen», sier Ola Berg."


def test_prf_counts():
    assert prf(2, 1, 1) == {"precision": 0.6667, "recall": 0.6667, "f1": 0.6667, "tp": 2, "fp": 1, "fn": 1}
    assert prf(0, 0, 0)["f1"] == 1.0
    assert prf(0, 2, 0)["precision"] == 0.0


def test_evaluate_on_tiny_gold(tmp_path):
    write(tmp_path, "a.txt", ARTICLE_A)
    write(tmp_path, "b.txt", ARTICLE_B)
    gold = [
        {"file": "a.txt", "title": None, "year": None, "region": None,
         "quoted": [{"name": "Kari Nordmann", "role": "ordfører", "gender": "F", "quotes": 2}],
         # the gold also knows a person the extraction cannot find
         "mentioned": [{"name": "Per Hansen", "role": "rådmann"}, {"name": "Nils Nilsen", "role": None}],
         "places": [], "organisations": []},
        {"file": "b.txt", "title": None, "year": None, "region": None,
         # gold says 2 quotes and gender M for Ola: the count disagrees
         "quoted": [{"name": "Ola Berg", "role": "fylkesordfører", "gender": "M", "quotes": 2},
                    {"name": "Eva Dahl", "role": None, "gender": "F", "quotes": 1}],
         "mentioned": [], "places": [], "organisations": []},
    ]
    result = evaluate(load_corpus(tmp_path, cache=False), gold)
    s = result.scores
    assert (s["quoted"]["tp"], s["quoted"]["fp"], s["quoted"]["fn"]) == (2, 0, 1)
    assert s["quoted"]["precision"] == 1.0 and s["quoted"]["recall"] == pytest.approx(0.6667)
    assert (s["people"]["tp"], s["people"]["fp"], s["people"]["fn"]) == (3, 0, 2)
    assert s["quote_counts"] == {"accuracy": 0.5, "correct": 1, "n": 2}
    assert s["gender"] == {"accuracy": 1.0, "correct": 2, "n": 2}
    assert s["title"]["accuracy"] == 1.0
    missed = {(e[0], e[1], e[3]) for e in result.errors if e[2] == "missed"}
    assert ("b.txt", "quoted", "eva dahl") in missed and ("a.txt", "people", "nils nilsen") in missed
    json.dumps(s)  # --json output is plain JSON


def test_seeds_meet_the_goals(seeds):
    gold = json.loads((__import__("kslib").config.DATA_DIR / "gold" / "seeds.json").read_text())
    s = evaluate(seeds, gold).scores
    assert s["quoted"]["f1"] == 1.0
    assert s["people"]["f1"] >= 0.95
    assert s["title"]["accuracy"] == 1.0


def test_a_year_given_where_the_text_does_not_tell_counts_against_precision(tmp_path):
    from kslib.count.evaluate import bootstrap, score_table

    write(tmp_path, "a.txt", "Møte om skolen\n\nKommunestyret møttes 3. mars 2022 for å drøfte skolen.")
    write(tmp_path, "b.txt", "Møte om budsjettet\n\nFormannskapet drøftet budsjettet for 2023 i går.")
    write(tmp_path, "c.txt", "Nytt om veiene\n\nFylket bygger nye veier og gang- og sykkelstier.")
    gold = [{"file": f, "title": t, "year": y, "region": None, "quoted": [], "mentioned": [], "places": []}
            for f, t, y in (("a.txt", "Møte om skolen", 2022), ("b.txt", "Møte om budsjettet", None),
                            ("c.txt", "Nytt om veiene", None))]
    corpus = load_corpus(tmp_path, cache=False)
    years = dict(zip(corpus.articles["file"], corpus.articles["year"]))
    result = evaluate(corpus, gold)
    given = [f for f in ("a.txt", "b.txt", "c.txt") if pd.notna(years[f])]
    right = sum(1 for f in given if f == "a.txt" and years[f] == 2022)
    assert result.scores["year"] == {"accuracy": 1.0, "correct": 1, "n": 1}  # the old measure: flattering
    assert result.scores["year_precision"]["n"] == len(given)
    assert result.scores["year_precision"]["correct"] == right
    if "b.txt" in given:  # a budget year is not the article's year: the new measure counts it as wrong
        assert result.scores["year_precision"]["accuracy"] < 1.0
        assert any(e[:2] == ("b.txt", "year_precision") for e in result.errors)
    low, high = bootstrap(result, "year_precision")
    assert low <= result.scores["year_precision"]["accuracy"] <= high
    table = score_table(result).set_index("measure")
    assert table.loc["year", "n_articles"] == 1 and table.loc["year", "label"] == "År"


def test_bootstrap_interval_of_a_set_measure_brackets_its_f1(tmp_path):
    from kslib.count.evaluate import bootstrap

    for i in range(6):
        write(tmp_path, f"{i}.txt", ARTICLE_A if i % 2 else ARTICLE_B)
    gold = [{"file": f"{i}.txt", "title": None, "year": None, "region": None,
             "quoted": [{"name": "Kari Nordmann" if i % 2 else "Ola Berg", "quotes": 1}],
             "mentioned": [], "places": []} for i in range(6)]
    result = evaluate(load_corpus(tmp_path, cache=False), gold)
    low, high = bootstrap(result, "quoted")
    assert 0 <= low <= result.scores["quoted"]["f1"] <= high <= 1
    assert bootstrap(result, "quoted") == (low, high)  # a fixed seed: the same interval every run


def test_the_role_is_scored_as_written(tmp_path):
    """`role` counts the people found whose role the gold or kslib gives: right when written the
    same (case and spaces folded), wrong when it differs or is missing on one side."""
    write(tmp_path, "a.txt", ARTICLE_A)
    gold = [{"file": "a.txt", "title": None, "year": None, "region": None,
             "quoted": [{"name": "Kari Nordmann", "role": "Ordfører", "gender": "F", "quotes": 2}],
             "mentioned": [{"name": "Per Hansen", "role": "rådmann i Lier"}],  # kslib writes `rådmann`
             "places": [], "organisations": []}]
    result = evaluate(load_corpus(tmp_path, cache=False), gold)
    assert result.scores["role"] == {"accuracy": 0.5, "correct": 1, "n": 2}
    assert ("a.txt", "role", "got 'rådmann' for gold 'rådmann i Lier'", "Per Hansen") in result.errors
