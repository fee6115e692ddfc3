"""The year comes with the words that decided it (`articles.year_evidence`)."""

import datetime as dt

import pytest

from kslib.corpus import load_corpus
from kslib.extract.dates import infer_year_evidence, year_context

from ..conftest import write


@pytest.mark.parametrize("text, year, evidence", [
    ("Kommunestyret møttes mandag 22. januar. Vedtaket kom 22. januar 2018.", 2018,
     "a weekday with a date: «mandag 22. januar»; a date: «22. januar 2018»"),
    ("Kommunestyret møttest måndag 22. januar. Vedtaket kom 22. januar 2018.", 2018,  # nynorsk weekday
     "a weekday with a date: «måndag 22. januar»; a date: «22. januar 2018»"),
    ("Debatthefte 2021 er klart, og i 2021 drøftet alle kommunene det.", 2021,
     "a thing named by its year: «Debatthefte 2021»; a year in the text: «i 2021»"),
    ("Kommunen har gode tall i år.", None, None),
    ("Høsten 2020 vedtok bystyret planen.", 2020, "a part of a year: «Høsten 2020»"),
    ("Hausten 2020 vedtok bystyret planen.", 2020, "a part of a year: «Hausten 2020»"),  # nynorsk
    # a weekday decides between two years as likely: the one it falls on
    ("Budsjett 2021 og Økonomiplan 2022 var tema torsdag 3. juni.", 2021,
     "a weekday with a date: «torsdag 3. juni»; a year aimed at: «Budsjett 2021»"),
])
def test_the_year_and_its_evidence(text, year, evidence):
    assert infer_year_evidence([text]) == (year, evidence)


@pytest.mark.parametrize("text, year", [
    ("Kommunen ble slått sammen på 1990-tallet.", None),  # a decade, not a year
    ("På 2020-tallet har det vore trongt.", None),  # the word before it is no thing named by a year
    ("Utover 2020-talet endrar det seg.", None),  # nynorsk
    ("I 2020-årene skal mye skje.", None),
    ("På 1990- og 2000-tallet vokste byen. I 2023 snudde det.", 2023),  # a suspended decade too
    ("KOSTRA-tallene viser 2023-tall for kommunen. I 2023 kom de.", 2023),  # `2023-tall`: that year's figures
])
def test_a_decade_is_no_year(text, year):
    assert infer_year_evidence([text])[0] == year


@pytest.mark.parametrize("text", [
    "Kommunen har hatt lav ledighet siden 2015.",  # a point of departure
    "Kommunen har hatt låg ledigheit sidan 2015.",  # nynorsk
    "Ledigheten er lavere sammenlignet med 2016.",
    "Målet er null utslipp innen 2030.",  # a deadline
    "Målet er null utslepp innan 2030.",  # nynorsk
    "Fylket skal kutte utslippene mot 2035.",
    "Regjeringen la fram statsbudsjettet for 2020.",  # a budget alone: worked on two years ahead
    "Kommunestyret vedtok økonomiplan 2024 i juni.",  # a municipality's plan, decided any time before
    "KS ber om at det i forslaget til statsbudsjett for 2022 vurderes en ny ordning.",  # a proposal asked for
    "KS bed om at det i framlegget til statsbudsjett for 2022 vert vurdert ei ny ordning.",  # nynorsk
    "Selskapet skal etableres innen sommeren 2021.",  # a part of a year after a deadline word
    "Selskapet skal vere etablert innan sommaren 2021.",  # nynorsk
    "Han var med på å lage Regionplan Agder 2020.",  # a place and a year: a plan's name
    "Fylkesstyret i KS Møre og Romsdal 2023 består av fem medlemmer.",
    "Utvalget la fram NOU 2020: 13 om kommunene.",  # a document series numbered by year
    "KS syner til lov 15. juni 2001 nr. 70 om fastsetjing av grenser.",  # a law's date (nynorsk)
    "Den nye barnevernlova trådde i kraft 1. januar 2022.",  # a change taking effect
    "Planen gjelder for perioden 2024 til 2027.",  # only the start of a period
    "Tallene kommer fra rapporten «Kartlegging av kostnader» (2022).",  # a source cited
    "KommIT-rådet ble opprettet i 2015 som en oppfølging av vedtaket.",  # a body's founding: background
    "Ordninga vart oppretta i 2015 og er vidareført sidan.",  # nynorsk
    "Selskapet ble etablert i 2010 av fem kommuner.",
    "Foreininga vart skipa i 1972.",  # nynorsk
    "Ordningen ble innført i 2019.",  # an arrangement's start
    "Saker fra og med 2023",  # the bounds of a range: `fra og med` like `fra`, `til og med` like `til`
    "Saker til og med 2022",
    "Ordninga gjeld frå og med 2024.",  # nynorsk
])
def test_weak_evidence_gives_no_year(text):
    """A year that rests only on a comparison, a deadline, a budget, a plan's or document's name, a
    law's date, a date something takes effect or the start of a period is missing, not guessed."""
    assert infer_year_evidence([text]) == (None, None)


@pytest.mark.parametrize("text, year", [
    # a national budget's proposal is made the year before the year it plans for
    ("Regjeringen la fram sitt forslag til statsbudsjett for 2020 i dag.", 2019),
    ("Regjeringa la fram framlegget til statsbudsjett for 2020 i dag.", 2019),  # nynorsk
    ("Kommuneproposisjonen 2022 gir lite til fylkene.", 2021),
    ("Kommuneproposisjonen 2022 gjev lite til fylka.", 2021),  # nynorsk
    # a proposal that is already there, in a clause that looks ahead, still dates the article
    ("Regjeringen signaliserer i kommuneproposisjonen 2022 en vekst neste år.", 2021),
    # the budget alone counts half: with a date of the same year it decides nothing against it
    ("Statsbudsjettet for 2021 var tema på møtet 3. mars 2020.", 2020),
])
def test_a_budget_proposal_gives_the_year_before(text, year):
    assert infer_year_evidence([text])[0] == year


@pytest.mark.parametrize("text, year", [
    # a term or plan period after «for» is written about as it starts
    ("Fylkestinget valgte nytt fylkesutvalg for perioden 2019-2023 på det konstituerende møtet.", 2019),
    ("Fylkestinget valde nytt fylkesutval for perioden 2019–2023 på det konstituerande møtet.", 2019),  # nynorsk
    ("Hun la fram prioriteringene for 2024 til 2027, som ble vedtatt i vår.", 2024),
    # a statistics period, a period looked ahead to, or one without «for», is only the start of a period
    ("Lærlingene økte med 30 prosent i perioden 2011 til 2016.", None),
    ("Tallene for perioden 2004 til 2022 er sammenlignbare over tid.", None),
    ("Plattformen for perioden 2024-2027 skal vedtas på Landstinget.", None),
    ("Plattforma for perioden 2024-2027 skal vedtakast på Landstinget.", None),  # nynorsk
    ("Strategien 2024-2027 er klar.", None),
    ("Kommunestyret vedtok økonomiplan for 2024-2027.", None),  # a plan decided before it starts
    ("Heradsstyret vedtok økonomiplanen for 2024–2027.", None),  # nynorsk
])
def test_the_start_of_a_term_dates_the_article(text, year):
    assert infer_year_evidence([text])[0] == year


def test_the_clause_a_request_opens_looks_ahead():
    """«ber om at» puts the clause it opens in the future: a year there is looked ahead to, while
    the same year in the clause before the request keeps its weight."""
    assert infer_year_evidence(["Rådet ber om at kommunene får mer i 2022."]) == (None, None)
    assert infer_year_evidence(["Rådet bed om at kommunane får meir i 2022."]) == (None, None)  # nynorsk
    assert infer_year_evidence(["I 2021 ba rådet departementet om et svar."])[0] == 2021


def test_a_founding_year_gives_way_to_the_articles_own_time():
    text = "Rådet ble opprettet i 2015. I 2023 behandlet rådet 40 saker."
    assert infer_year_evidence([text])[0] == 2023


def test_weak_evidence_does_not_outweigh_the_articles_own_time():
    text = "I 2021 vedtok kommunestyret klimaplanen. Målet er å halvere utslippene innen 2030 og fra 2025."
    assert infer_year_evidence([text])[0] == 2021
    # a change that takes effect is written about the year before as often as that year
    assert infer_year_evidence(["Reformen trer i kraft 1. januar 2020. I 2019 forbereder kommunene seg."])[0] == 2019


def test_a_tie_goes_to_the_year_inside_the_era_the_text_names():
    # the municipal reform (2015-2019) makes 2019 likelier than 2010; both are weak here: no year
    text = "Etter kommunereformen blir kommunene slått sammen fra 1. januar 2020. Samarbeidet starta i 2010."
    assert infer_year_evidence([text]) == (None, None)
    # with a year of its own inside the era, that year is given
    assert infer_year_evidence([text + " Avtalen ble signert i 2019."])[0] == 2019


def test_the_words_before_a_year_weigh_it():
    text = "Arbeidet startet frå 2019 i Valgløfte2023 med Debatthefte 2021 i 2022"
    at = {y: text.index(y) for y in ("2019", "2023", "2021", "2022")}
    assert year_context(text, at["2019"])[:2] == (-0.3, "a year looked back to")  # nynorsk `frå`
    assert year_context(text, at["2023"])[1] == "a year glued to a word"
    assert year_context(text, at["2021"])[1] == "a thing named by its year"
    assert year_context(text, at["2022"])[:2] == (1.0, "a year in the text")
    kinds = {"innen 2030": (0.3, "a year aimed at"), "innan utgangen av 2030": (0.3, "a year aimed at"),
             "i løpet av 2030": (0.5, "a part of a year"), "NOU 2030": (0.3, "a document numbered by year"),
             "Regionplan Agder 2030": (0.3, "a place's plan or body named by year"),
             "rapporten (2030)": (-0.3, "a source cited with its year"),
             "Landstinget 2030": (1.0, "a thing named by its year")}
    for words, (weight, what) in kinds.items():
        assert year_context(words, words.index("2030"))[:2] == (weight, what), words


def test_articles_say_what_their_year_rests_on(tmp_path):
    write(tmp_path, "a.txt", "Nytt budsjett\n\nFormannskapet vedtok budsjettet 3. mars 2022 etter en lang debatt.")
    write(tmp_path, "b.txt", "Ingen dato\n\nKommunen bygger en ny skole for barna i bygda.")
    write(tmp_path, "metadata.csv", "file,date\nb.txt,2020-06-01\n")
    a = load_corpus(tmp_path, cache=False).articles.set_index("file")
    assert a.loc["a.txt", "year"] == 2022 and a.loc["a.txt", "year_evidence"] == "a date: «3. mars 2022»"
    assert a.loc["b.txt", "year_evidence"] == "the metadata file's date: «2020-06-01»"


@pytest.mark.parametrize("text", [
    # a year of the article's own time in a clause with a word of the future is looked ahead to
    "Regjeringen varslet at veksten ville bli 2 milliarder kroner i 2022.",
    "Regjeringa varsla at veksten skulle bli 2 milliardar kroner i 2022.",  # nynorsk
    "Landsmøtet 2024 skal holdes i Trondheim.",
    "Landsmøtet 2024 skal haldast i Trondheim.",  # nynorsk
    "I 2027 kommer kommunene til å mangle sykepleiere.",
    "I 2027 kjem kommunane til å mangle sjukepleiarar.",  # nynorsk
    "Rapporten ventes ferdig høsten 2025.",
    # what is announced is still to come
    "Statsrådene diskuterte de varslede stortingsmeldingene i 2024 om natur og klima.",
])
def test_a_year_in_a_clause_of_the_future_gives_no_year(text):
    assert infer_year_evidence([text]) == (None, None)


@pytest.mark.parametrize("text", [
    "Fylket varslet at tilskuddet skulle øke i 2023. Det er prisjustert fra 2022 til 2023.",
    "Fylket varsla at tilskotet skulle auke i 2023. Det er prisjustert frå 2022 til 2023.",  # nynorsk
])
def test_a_year_looked_ahead_to_counts_half_for_the_year_before(text):
    """Alone it gives no year (above); with the start of a period in the year before, that year."""
    year, evidence = infer_year_evidence([text])
    assert year == 2022 and "the year before a year looked ahead to: «i 2023»" in evidence


@pytest.mark.parametrize("text", [
    "Landsmøtet 2024 skal holdes i Bergen. Program: Tirsdag 13. februar: åpning. Onsdag 14. februar: valg.",
    "Landsmøtet 2024 skal haldast i Bergen. Program: Tysdag 13. februar: opning. Onsdag 14. februar: val.",
])
def test_the_weekday_dates_of_an_event_looked_ahead_to_count_for_the_year_before(text):
    """The days of an event the text looks ahead to fall in its year (13 February was a Tuesday
    in 2024 and 2018): they are planned, and written most often the year before, as the year is."""
    year, evidence = infer_year_evidence([text], today=dt.date(2026, 12, 7))
    assert year == 2023
    assert evidence.startswith("the year before the days of an event looked ahead to: «")


def test_weekday_dates_of_a_year_not_looked_ahead_to_still_give_that_year():
    text = "Landsmøtet ble holdt i Bergen i 2024. Tirsdag 13. februar var det åpning."
    year, evidence = infer_year_evidence([text], today=dt.date(2026, 12, 7))
    assert year == 2024 and "a weekday with a date: «Tirsdag 13. februar»" in evidence


@pytest.mark.parametrize("text", [
    "Satsingen ble utviklet i 2020. Tall fra 2022 viser at mange faller fra.",
    "Satsinga vart utvikla i 2020. Tal frå 2022 syner at mange fell frå.",  # nynorsk
    "Planen ble vedtatt i 2019, og ledigheten er lavere sammenlignet med 2021.",
])
def test_a_year_before_one_the_text_looks_back_on_is_not_given(text):
    """The article can be no older than a year it looks back on: a year the evidence puts before
    it is left missing."""
    assert infer_year_evidence([text]) == (None, None)


def test_a_source_year_cited_as_there_keeps_a_later_year():
    assert infer_year_evidence(["Tall fra 2022 viser en økning. I 2023 satset fylket mer."])[0] == 2023


def test_the_future_reaches_only_its_own_clause():
    """A word of the future in another sentence, or after a comma in another clause, leaves a year
    of the text its weight."""
    assert infer_year_evidence(["I 2021 vedtok bystyret planen. Neste år skal den rulleres."])[0] == 2021
    assert infer_year_evidence(["I 2021 vedtok bystyret planen, som skal rulleres."])[0] == 2021
    assert infer_year_evidence(["I 2021 vedtok bystyret planen, og den skal rullerast."])[0] == 2021  # nynorsk


@pytest.mark.parametrize("text, year", [
    # a year the text looks back to or compares with weighs against itself as the article's year:
    # the article is written later than the year it measures from
    ("Fra 2018 har kommunen økt bemanningen. I 2018 var det mangel på lærere, og i 2020 kom planen.", 2020),
    ("Frå 2018 har kommunen auka bemanninga. I 2018 var det mangel på lærarar, og i 2020 kom planen.", 2020),
])
def test_a_year_looked_back_to_weighs_against_itself(text, year):
    assert infer_year_evidence([text])[0] == year


@pytest.mark.parametrize("text, year", [
    # a period of dates: the text has reached its last date; the first is the start of a period
    ("I perioden september 2019 til februar 2020 har over 300 kommunestyrer gjennomført programmet.", 2020),
    ("I perioden september 2019 til februar 2020 har over 300 kommunestyre gjennomført programmet.", 2020),  # nn
    ("Kurset gikk fra 1. september 2019 – 1. februar 2020.", 2020),
])
def test_a_period_of_dates_gives_its_last_year(text, year):
    assert infer_year_evidence([text])[0] == year


@pytest.mark.parametrize("text, year", [
    # a clause that says "originally" looks back: its year is past, and alone gives no year
    ("Veikartet ble opprinnelig lansert i 2015. Med denne nye versjonen er det oppdatert.", None),
    ("Veikartet vart opphavleg lansert i 2015. No er det oppdatert.", None),  # nynorsk
    ("Veikartet ble opprinnelig lansert i2015.", None),  # a year glued to the word before it
    # ... and gives way to the article's own time
    ("Veikartet ble opprinnelig lansert i 2015. I 2023 kom en ny versjon.", 2023),
    # the word in another clause says nothing of the year
    ("Planen var opprinnelig en annen. I 2022 vedtok bystyret den.", 2022),
])
def test_a_year_in_a_clause_that_looks_back_is_past(text, year):
    assert infer_year_evidence([text])[0] == year


@pytest.mark.parametrize("text, evidence", [
    # a published or updated line with the date written in the ISO way or with slashes counts as one
    ("Oppdatert: 2021-03-12\n\nKS mener kommunene trenger mer penger i 2020.", "a published line: «Oppdatert: 2021-03-12»"),
    ("Publisert 12/03/2021\n\nKS mener kommunene trenger mer penger i 2020.", "a published line: «Publisert 12/03/2021»"),
])
def test_a_published_line_in_any_date_format(text, evidence):
    assert infer_year_evidence([text]) == (2021, evidence)
