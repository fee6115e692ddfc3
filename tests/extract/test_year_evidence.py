"""The year comes with the words that decided it (`articles.year_evidence`)."""

import pytest

from kslib.corpus import load_corpus
from kslib.extract.dates import infer_year_evidence, year_context

from ..conftest import write


@pytest.mark.parametrize("text, year, evidence", [
    ("Kommunestyret møttes mandag 22. januar. Vedtaket kom 22. januar 2018.", 2018,
     "a weekday with a date: «mandag 22. januar»; a date: «22. januar 2018»"),
    ("Kommunestyret møttest måndag 22. januar. Vedtaket kom 22. januar 2018.", 2018,  # nynorsk weekday
     "a weekday with a date: «måndag 22. januar»; a date: «22. januar 2018»"),
    ("Debatthefte 2021 er klart, og i 2021 skal alle kommunene drøfte det.", 2021,
     "a thing named by its year: «Debatthefte 2021»; a year in the text: «i 2021»"),
    ("Kommunen har hatt lav ledighet siden 2015.", 2015, "a year looked back to: «siden 2015»"),
    ("Kommunen har gode tall i år.", None, None),
])
def test_the_year_and_its_evidence(text, year, evidence):
    assert infer_year_evidence([text]) == (year, evidence)


def test_the_words_before_a_year_weigh_it():
    text = "Arbeidet startet frå 2019 i Valgløfte2023 med Debatthefte 2021 i 2022"
    at = {y: text.index(y) for y in ("2019", "2023", "2021", "2022")}
    assert year_context(text, at["2019"])[:2] == (0.3, "a year looked back to")  # nynorsk `frå`
    assert year_context(text, at["2023"])[1] == "a year glued to a word"
    assert year_context(text, at["2021"])[1] == "a thing named by its year"
    assert year_context(text, at["2022"])[:2] == (1.0, "a year in the text")


def test_articles_say_what_their_year_rests_on(tmp_path):
    write(tmp_path, "a.txt", "Nytt budsjett\n\nFormannskapet vedtok budsjettet 3. mars 2022 etter en lang debatt.")
    write(tmp_path, "b.txt", "Ingen dato\n\nKommunen bygger en ny skole for barna i bygda.")
    write(tmp_path, "metadata.csv", "file,date\nb.txt,2020-06-01\n")
    a = load_corpus(tmp_path, cache=False).articles.set_index("file")
    assert a.loc["a.txt", "year"] == 2022 and a.loc["a.txt", "year_evidence"] == "a date: «3. mars 2022»"
    assert a.loc["b.txt", "year_evidence"] == "the metadata file's date: «2020-06-01»"
