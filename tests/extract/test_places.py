"""Finding places in Norwegian sentences, and the year and region of an article."""

import datetime as dt

import pandas as pd
import pytest

from kslib.extract.attribution import find_quotes
from kslib.extract.dates import infer_year
from kslib.extract.places import article_places, extract_places, infer_region
from kslib.read.decode import normalise_text
from kslib.structure.paragraphs import classify


def places(text, year=2024):
    paragraphs = classify(normalise_text(text))
    _, people, name_spans = find_quotes(paragraphs)
    found = extract_places(paragraphs, year, name_spans, frozenset(p.surname for p in people))
    return [(m["mention"], m["place"].name, m["place"].kind) for m in found]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Møtet var i Drammen i går.", [("Drammen", "Drammen", "kommune")]),
        ("Drammens rådmann var fornøyd.", [("Drammens", "Drammen", "kommune")]),
        ("Trøndelags ordførere møttes.", [("Trøndelags", "Trøndelag", "fylke")]),
        ("Konferansen ble holdt i Ås.", [("Ås", "Ås", "kommune")]),
        ("Vi var på Gol i helgen.", [("Gol", "Gol", "kommune")]),
        ("Kommunene i Kongsvingerregionen samarbeider.", [("Kongsvingerregionen", "Kongsvingerregionen", "region")]),
        ("Haugesundregionen vokser.", [("Haugesundregionen", "Haugesundregionen", "region")]),
        # with the linking s, and in the genitive
        ("Kommunene i Trondheimsregionen samarbeider.", [("Trondheimsregionen", "Trondheimsregionen", "region")]),
        ("Bergensregionens ordførere møttes.", [("Bergensregionens", "Bergensregionen", "region")]),
        ("Trygg oppvekst i Hallingdal er et godt prosjekt.", [("Hallingdal", "Hallingdal", "region")]),
        ("Studieturen gikk til Århus.", [("Århus", "Århus", "utland")]),
        # the world's countries by their Norwegian names (ISO 3166-1, bokmål and nynorsk)
        ("Kommunene bosatte flyktninger fra Ukraina.", [("Ukraina", "Ukraina", "utland")]),
        ("Klimatoppmøtet i Egypt samla mange.", [("Egypt", "Egypt", "utland")]),
        ("Dei kom frå Austerrike og Kviterussland.", [("Austerrike", "Østerrike", "utland"),
                                                      ("Kviterussland", "Hviterussland", "utland")]),  # nynorsk
        # a country that is also a first name counts only with place context
        ("Jordan Hansen talte.", []),
        ("Flyktningene kom fra Jordan.", [("Jordan", "Jordan", "utland")]),
        ("Guovdageaidnu suohkan og Kautokeino kommune er det samme.",
         [("Guovdageaidnu", "Kautokeino", "kommune"), ("Kautokeino", "Kautokeino", "kommune")]),
        ("Vestfold og Telemark skiller lag.", [("Vestfold og Telemark", "Vestfold og Telemark", "fylke")]),
        ("Indre Østfold kommune var med.", [("Indre Østfold", "Indre Østfold", "kommune")]),
        # official names written with a space for the hyphen, or a hyphen for the space
        ("Nord Aurdal og Nordre-Land samarbeider.", [("Nord Aurdal", "Nord-Aurdal", "kommune"),
                                                    ("Nordre-Land", "Nordre Land", "kommune")]),
        ("Ordførarane i Aust Agder og Møre-og-Romsdal", [("Aust Agder", "Aust-Agder", "fylke"),
                                                        ("Møre-og-Romsdal", "Møre og Romsdal", "fylke")]),
        # common words, first names and surnames are not places without place context
        ("Moss grodde på steinen. Time etter time gikk.", []),
        ("Sola skinte over fjorden.", []),
        ("Hole kommune og Lier kommune samarbeider.", [("Hole", "Hole", "kommune"), ("Lier", "Lier", "kommune")]),
        ("Han bor i Hole.", [("Hole", "Hole", "kommune")]),
        ("Bø i Vesterålen har en chatbot.", [("Bø", "Bø", "kommune"), ("Vesterålen", "Vesterålen", "region")]),
        # a place inside a person's name is not a place
        ("Fungerende fylkesstyreleder Kari Anne Sand talte.", []),
        ("Helge Eide var der.\n\n- Bra, sier Eide.", []),
        ("Jan Erik Innvær blir stabsdirektør.", []),
        # inside an organisation's name: only when the article also names the place itself
        ("Leder i NHO-Innlandet, Jon Kristiansen, talte.", []),
        ("Leder i NHO-Innlandet talte om Innlandet.", [("Innlandet", "Innlandet", "fylke"),
                                                      ("Innlandet", "Innlandet", "fylke")]),
        ("Han er direktør i Rauma Energi Holding AS.", []),
        # one sense per article: a name that needs place context is a place where the article
        # names it as one elsewhere (`Herøy kommune ... Herøy satser`), else not
        ("Herøy kommune har fått ny rådmann.\n\nHerøy satser på havbruk.",
         [("Herøy", "Herøy", "kommune"), ("Herøy", "Herøy", "kommune")]),
        ("Herøy satser på havbruk.", []),
        # ... also a place before an institution's noun (`Sørlandet sykehus`, `Agder politidistrikt`)
        ("Hun jobber med kreftomsorg på Sørlandet sykehus.", []),
        ("Ho er lege ved Stavanger universitetssjukehus og i Agder politidistrikt.", []),  # nynorsk
        ("Hun jobber på Sørlandet sykehus i Kristiansand.", [("Kristiansand", "Kristiansand", "kommune")]),
        # a KS regional office names the county
        ("KS Trøndelag ønsker god sommer.", [("Trøndelag", "Trøndelag", "fylke")]),
    ],
)
def test_find_places(text, expected):
    assert places(text) == expected


@pytest.mark.parametrize("text, year, names", [
    # a plural after the pair enumerates two counties, whatever the year (bokmål and nynorsk)
    ("Troms og Finnmark fylkeskommuner samarbeider.", 2021, ["Troms", "Finnmark"]),
    ("Vestfold og Telemark fylkeskommunar samarbeider.", 2022, ["Vestfold", "Telemark"]),
    # before the merger, the pair is two counties; a singular is the merged county to be
    ("Ordførerne i Troms og Finnmark møttes.", 2018, ["Troms", "Finnmark"]),
    ("Troms og Finnmark fylkeskommune skal etableres.", 2018, ["Troms og Finnmark"]),
    # from the merger on, and after it ended, the name is the merged county
    ("Ordførerne i Troms og Finnmark møttes.", 2021, ["Troms og Finnmark"]),
    ("Vestfold og Telemark har skilt lag.", 2024, ["Vestfold og Telemark"]),
    ("Ordførerne i Troms og Finnmark møttes.", None, ["Troms og Finnmark"]),
    # one county's name is never split
    ("Møre og Romsdal fylkeskommune i 2018.", 2018, ["Møre og Romsdal"]),
])
def test_a_pair_of_counties_is_two_counties_when_the_article_means_them_apart(text, year, names):
    assert [m["place"].name for m in extract_places(classify(text), year)] == names


@pytest.mark.parametrize("text, expected", [
    # a suspended first part (`Nord- og Sør-Trøndelag`) names its own place: both counties
    ("Ordførerne i Nord- og Sør-Trøndelag møttes.",
     [("Nord-", "Nord-Trøndelag", "fylke"), ("Sør-Trøndelag", "Sør-Trøndelag", "fylke")]),
    ("KS i Aust- og Vest-Agder samarbeider.", [("Aust-", "Aust-Agder", "fylke"), ("Vest-Agder", "Vest-Agder", "fylke")]),
    ("Kommunene i Nord-, Sør- og Midt-Troms", [("Nord-", "Nord-Troms", "region"), ("Midt-Troms", "Midt-Troms", "region")]),
    ("Nord- eller Sør-Fron kommune", [("Nord-", "Nord-Fron", "kommune"), ("Sør-Fron", "Sør-Fron", "kommune")]),
    ("Nord- og Sør-Trøndelags ordførere", [("Nord-", "Nord-Trøndelag", "fylke"),
                                          ("Sør-Trøndelags", "Sør-Trøndelag", "fylke")]),
    # a first part that makes no place names none (`Helse- og Sør-Trøndelag`), nor does a hyphen with no gap
    ("Helse- og Sør-Trøndelag", [("Sør-Trøndelag", "Sør-Trøndelag", "fylke")]),
    ("Innlandet og Sør-Trøndelag", [("Innlandet", "Innlandet", "fylke"), ("Sør-Trøndelag", "Sør-Trøndelag", "fylke")]),
])
def test_a_suspended_first_part_names_its_own_place(text, expected):
    assert places(text, year=2018) == expected


@pytest.mark.parametrize("text, counties", [
    # a name two municipalities share, followed by `i` and the county or region it lies in
    ("Våler kommune i Østfold og Våler i Solør samarbeider.", ["Østfold", "Østfold", "Innlandet", "Innlandet"]),
    ("Ordføreren i Herøy i Nordland og ordføreren i Herøy i Møre og Romsdal møttes.",
     ["Nordland", "Nordland", "Møre og Romsdal", "Møre og Romsdal"]),
    # ... or the county in brackets after it, which also makes a name that is a common word a place
    ("Med Herøy (Nordland) og Våler (Innlandet) i nettverket.", ["Nordland", "Nordland", "Innlandet", "Innlandet"]),
    ("Med Herøy (Møre og Romsdal) i nettverket.", ["Møre og Romsdal", "Møre og Romsdal"]),
    # ... or `på` and a region that takes `på` (`på Sunnmøre`, `på Helgeland`), which also makes it a place
    ("Også Herøy på Sunnmøre deltok.", ["Møre og Romsdal", "Møre og Romsdal"]),
    ("Også Herøy på Helgeland deltok.", ["Nordland", "Nordland"]),
    ("Både Bø i Vesterålen og Os i Østerdalen var med.", ["Nordland", "Nordland", "Innlandet", "Innlandet"]),
    # `på` and a municipality after a name that is also a common word or a hotel's: no place before it
    ("Konferansen var på Quality Hotel Strand på Gjøvik.", ["Innlandet"]),
])
def test_a_shared_name_resolves_by_the_county_written_after_it(text, counties):
    found = extract_places(classify(text), 2024)
    assert [m["place"].county_in(2024) for m in found] == counties


@pytest.mark.parametrize("text, kinds", [
    # a name that is a municipality's and a region's: the noun after it says which
    ("Sunnfjord kommune har vedteke budsjettet.", ["kommune"]),
    ("Sunnfjord herad og Sunnfjord kommune", ["kommune", "kommune"]),
    ("Kommunedirektør i Sunnfjord kommune, Terje Heggheim, og fylkesordførar i Vestland, Jon Askeland.",
     ["kommune", "fylke"]),
])
def test_the_noun_after_a_name_says_its_kind(text, kinds):
    assert [m["place"].kind for m in extract_places(classify(text), 2024)] == kinds


def test_shared_names_resolve_by_the_other_places_or_stay_ambiguous():
    near_ostfold = extract_places(classify("Ordførerne i Våler og Moss kommune møttes i Sarpsborg."), 2024)
    valer = next(m["place"] for m in near_ostfold if m["place"].name == "Våler")
    assert valer.kommunenummer == "3018" and valer.county_in(2024) == "Østfold"
    alone = extract_places(classify("Det var møte i Herøy."), 2024)
    assert alone[0]["place"].kommunenummer is None and alone[0]["place"].county_in(2024) is None


@pytest.mark.parametrize(
    "text, year",
    [
        ("Strategikonferansen i 2021 ble heldigital. Debatthefte 2021 er sendt ut.", 2021),
        ("Det har vært gode diskusjoner om #valgløfte2023.", 2023),
        ("Publisert: 16.08.2023\n\nSaken gjelder tariff.", 2023),
        ("Prioriteringer for 2024 til 2027 ble vedtatt, og konferansen var i mars 2024.", 2024),
        ("Mandag 22.januar møttes de i Nye Drammen kommune.", 2018),  # weekday + date + a merger in preparation
        ("Mandag 7. desember møttes de. Koronapandemien preget møtet.", 2020),
        ("Han har vært rådmann siden 2015, og i 2021 ble han direktør.", 2021),
        ("Ingen årstall her.", None),
        # each of these turns out otherwise if a shortcut misses its pattern
        ("Møtet var 15. mars\n\n2021, og før det i 2019.", 2021),  # a date over a blank line
        ("Møtet var 15. mars" + " " * 50 + "2021, og før det i 2019.", 2021),  # and over many spaces
        ("Planen 2024 til 2027 kom, og i 2025 ble den vedtatt.", 2025),  # a range counts its first year less
        ("Tallene ,2020-2021 og i 2024.", 2024),  # a range after a comma
        ("Viken 2017 2017 2017 2021 2021", 2021),  # the era of Viken halves 2017
        ("Storviken 2017 2017 2017 2021 2021", 2017),  # not inside another word
    ],
)
def test_infer_year(text, year):
    assert infer_year(text.split("\n"), today=dt.date(2026, 11, 1)) == year


def test_region_follows_the_map_of_the_year():
    text = "Rådmannen i Drammen møtte KS i Drammen rådhus. Drammen kommune er stor."
    for year, region in ((2018, "Buskerud"), (2021, "Viken"), (2024, "Buskerud"), (None, "Buskerud")):
        mentions = extract_places(classify(text), year)
        assert infer_region(mentions, year)[0] == region


def test_region_from_ks_office_and_national():
    office = extract_places(classify("KS Vestland inviterer til møte i Bergen og Oslo."), 2021)
    assert infer_region(office, 2021) == ("Vestland", "Vestland")
    spread = extract_places(classify("Ordførere fra Bodø, Bergen og Tromsø møttes i Oslo."), 2021)
    assert infer_region(spread, 2021)[0] == "national"


@pytest.mark.parametrize("text, places", [
    # a county named only in a KS office's name is a place of the article when it is its region
    ("KS Vestfold og Telemark valgte nytt styre i Skien. For KS Viken ble nytt styre valgt i Drammen.",
     ["Vestfold og Telemark", "Skien", "Drammen"]),
    ("KS Vestland inviterer til møte i Bergen og Førde.", ["Vestland", "Bergen", "Førde"]),
    # ... and when the article names it on its own too
    ("KS Vestfold og Telemark valgte nytt styre i Skien. KS Viken møttes i Viken.",
     ["Vestfold og Telemark", "Skien", "Viken", "Viken"]),
])
def test_a_county_only_in_a_ks_offices_name_is_a_place_of_its_region_only(text, places):
    mentions = extract_places(classify(text), 2022)
    region, _ = infer_region(mentions, 2022)
    assert [m["place"].name for m in article_places(mentions, region, 2022)] == places


def test_seed_years_regions_and_places(seeds):
    a = seeds.articles.set_index(seeds.articles["file"].str[:3])
    # 002 has no year in the gold, so it is not checked; 003 names the start of a term
    # («prioriteringer for 2024 til 2027, som ble vedtatt på Landstinget»): its year
    assert a.loc[["000", "001", "003", "004"], "year"].tolist() == [2018, 2023, 2024, 2021]
    assert a["region"].tolist() == ["Buskerud", "Trøndelag", "national", "Innlandet", "Viken"]
    # a Viken-wide article has no single county on today's map; Drammen 2018 is in Buskerud today
    assert pd.isna(a.loc["004", "region_2024"]) and a.loc["000", "region_2024"] == "Buskerud"
    p = seeds.places.merge(seeds.articles[["article_id", "file"]])
    names = set(p.loc[p["file"].str.startswith("004"), "name"])
    assert names == {"Viken", "Lunner", "Indre Østfold", "Gol", "Hallingdal", "Ås"}


@pytest.mark.parametrize("text, places", [
    # a name that is also a word counts as a place when it stands in an enumeration of places
    ("Kommunene Bergen, Sandnes og Stavanger er med i nettverket.", ["Bergen", "Sandnes", "Stavanger"]),
    ("Kommunane Bergen, Sandnes og Stavanger er med i nettverket.", ["Bergen", "Sandnes", "Stavanger"]),  # nynorsk
    ("Samarbeidet mellom Drammen/Lier har vart lenge.", ["Drammen", "Lier"]),
    ("Bergen, Sandnes, Moss og Lier deltar.", ["Bergen", "Sandnes", "Moss", "Lier"]),  # a chain of them
    # without a place beside it, the word stays a word or a name
    ("Hun heter Sandnes og bor i Bergen.", ["Bergen"]),
    ("Moss og lav vokser på steinene.", []),
])
def test_a_list_of_places_names_places(text, places):
    from kslib.extract.places import find_mentions

    assert [m[2] for m in find_mentions(text)] == places


def test_a_bullet_list_of_places_names_places():
    from kslib.extract.places import extract_places
    from kslib.structure.paragraphs import classify

    listed = classify("Desse kommunane er med:\n\n • Bergen\n • Sandnes\n • Stavanger (frå hausten 2022)\n\nSlutt.")
    assert [m["mention"] for m in extract_places(listed, 2022)] == ["Bergen", "Sandnes", "Stavanger"]
    # a list of doubtful words alone is no list of places
    alone = classify("Dette er med:\n\n • Moss\n • Lier\n\nSlutt.")
    assert extract_places(alone, 2022) == []


@pytest.mark.parametrize("text, year, county", [
    # a town that is not a municipality: kind `sted`, the county of the municipality it lies in
    ("Seminaret om statsbudsjettet holdes i Mysen i år.", 2019, "Østfold"),
    ("Seminaret om statsbudsjettet vert halde i Mysen i år.", 2022, "Viken"),  # nynorsk, the 2020 map
    ("Kommunestyret møttes på Kløfta.", 2024, "Akershus"),
])
def test_a_locality_is_a_sted_in_its_municipalitys_county(text, year, county):
    paragraphs = classify(normalise_text(text))
    [found] = extract_places(paragraphs, year)
    assert (found["place"].kind, found["place"].county_in(year)) == ("sted", county)


@pytest.mark.parametrize("text", [
    "Mysen er et fint sted.",  # no place context: a locality's name may be a word or a surname
    "- Vi må handle nå, sier Kari Berger.",  # a locality inside a person's name
    "- Vi må handle nå, sier Berger.",
])
def test_a_locality_needs_place_context(text):
    assert places(text) == []


def test_localities_lie_in_municipalities_and_shadow_none():
    """Every locality in `steder.csv` lies in a municipality of the 2020 map, and none has the name
    of a municipality, county, region or foreign place (those win)."""
    from kslib.resources.gazetteer import kommuner, official_entries, steder

    active = {r["kommunenummer"]: r["name"] for r in kommuner() if r["status"] == "active"}
    rows = steder()
    assert len(rows) > 300
    assert all(active.get(r["kommunenummer"]) == r["kommune"] for r in rows)
    assert not {r["name"] for r in rows} & set(official_entries())


@pytest.mark.parametrize("text, expected", [
    # an institution named by the place it serves: the place counts only if the article names it alone
    ("Professor Kari Nordmann ved Universitetet i Agder innledet om samspillet.", []),
    ("Statsforvaltaren i Vestland har sendt brevet til kommunane.", []),  # nynorsk
    ("Professor Kari Nordmann ved Universitetet i Agder innledet. Kommunene i Agder deltok.",
     ["Agder", "Agder"]),
    # ... or whose name opens with a noun and has the place right after it
    ("Også Helse Bergen og Sykehuset Innlandet deltok.", []),
    ("Leder i Fagforbundet Vestland, Ola Hansen, talte.", []),
    ("Leder i Fagforbundet Vestland talte om Vestland.", ["Vestland", "Vestland"]),
])
def test_a_place_in_an_institutions_name(text, expected):
    assert [mention for mention, _, _ in places(text)] == expected


def test_an_article_about_a_locality_is_about_its_municipalitys_county_then_and_now():
    """Mysen lies in Indre Østfold: Viken on the map of 2022, Østfold on today's."""
    from kslib.extract.places import article_region

    paragraphs = classify(normalise_text("Seminar i Mysen\n\nOrdførerne møttes i Mysen. Neste år møtes de i Mysen igjen."))
    mentions = extract_places(paragraphs, 2022)
    assert article_region(paragraphs, mentions, 2022) == ("Viken", "Østfold")


@pytest.mark.parametrize("text, region", [
    # a county named once, even first, is an example in a national story: as a municipality named once is
    ("KS er kontaktet av barnevernledere i Vestfold som beskriver "
     "en alvorlig situasjon.\n\nKS foreslår en arbeidsgruppe med departementet.", "national"),
    ("KS er kontakta av barnevernleiarar i Vestfold som skildrar "
     "ein alvorleg situasjon.\n\nKS føreslår ei arbeidsgruppe med departementet.", "national"),  # nynorsk
    # named twice it is what the story is about
    ("KS er kontaktet av barnevernledere i Vestfold som beskriver en alvorlig situasjon.\n\n"
     "Flere kommuner i Vestfold mangler fosterhjem.\n\nKS foreslår en arbeidsgruppe.", "Vestfold"),
])
def test_one_mention_of_a_county_does_not_make_the_article_regional(text, region):
    from kslib.extract.places import article_region

    paragraphs = classify(normalise_text(text))
    assert article_region(paragraphs, extract_places(paragraphs, 2024), 2024)[0] == region
