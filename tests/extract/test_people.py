"""Names, roles, role groups, gender and the corpus-wide speakers table."""

import pytest

from kslib.extract.attribution import find_quotes
from kslib.extract.people import candidate_names, normalise_name
from kslib.extract.speakers import to_speakers
from kslib.extract.organisations import organisation_of, role_group
from kslib.read.decode import normalise_text
from kslib.structure.paragraphs import classify


def people(text):
    _, found, _ = find_quotes(classify(normalise_text(text)))
    return found


@pytest.mark.parametrize(
    "text, names",
    [
        ("Ordfører Tore Opdal Hansen ønsket velkommen.", ["Tore Opdal Hansen"]),
        ("Statssekretær Gunn Karin Gjul i Kommunal- og distriktsdepartementet kom.", ["Gunn Karin Gjul"]),
        ("Regiondirektør Annikken Kjær Haraldsen og kommunedirektørene møttes.", ["Annikken Kjær Haraldsen"]),
        ("Foto: Hege K. Fosser Pedersen", ["Hege K. Fosser Pedersen"]),
        ("Leder av Ungdommens Fylkesting, Elisabeth Volungholen Foto: KS", ["Elisabeth Volungholen"]),
        # organisations and places that look like names are not people
        ("De traff ledelsen i Nye Drammen kommune og Norsk Rådmannsforum.", []),
        ("Fellesløft Trøndelag – ungt utenforskap er i gang.", []),
        ("Arena Vestland samlet alle på Sandsli.", []),
        ("Rapporten er skrevet av Oslo Economics og Agenda Kaupang for Helse Vest.", []),  # companies
        # a genitive is the same person (bokmål and nynorsk)
        ("Kari Nordmann er ordfører. Kari Nordmanns forslag fikk flertall. Ola Hansen var skuffet.",
         ["Kari Nordmann", "Ola Hansen"]),
        ("Kari Nordmanns framlegg fekk fleirtal. Kari Nordmann var glad.", ["Kari Nordmann"]),  # genitive first
        # a surname that ends in -s is not a genitive
        ("Fylkesstyreleiar Jostein Ljones takka for tilliten.", ["Jostein Ljones"]),
        # a party tag after a surname is not a longer name; a middle name stays, and so does a surname
        # that is a municipality's name (`Hjelmeland`, `Voss`: running text writes `Per Olsen fra Tromsø`)
        ("Møtet ble ledet av Kari Nordmann (Ap) og Ola Hansen Sp.", ["Kari Nordmann", "Ola Hansen"]),
        ("Leiar Sølvi Åsebø Hjelmeland opna møtet. Jon Arne Voss var der òg.", ["Sølvi Åsebø Hjelmeland", "Jon Arne Voss"]),
        ("Møtet vart leia av Ola Hansen KrF og Anne Kari Lund.", ["Ola Hansen", "Anne Kari Lund"]),
        # one or two particles inside a name (`van der`), never at its end (`der` before a place is `there`)
        ("Ordfører Kari Anne van der Berg (H) ønsket velkommen.", ["Kari Anne van der Berg"]),
        ("Jan de Vries og Kari Nordmann der Bergen møttes.", ["Jan de Vries", "Kari Nordmann"]),
        # a first name the name list lacks, before a middle name it has, is the name's first word;
        # a word of the language (`Styret`) or a place's genitive (`Bodøs`) is not
        ("Rådet:\n\n • Sølve Monica Steffensen, kommunaldirektør i Oslo kommune", ["Sølve Monica Steffensen"]),
        ("Møtet ble ledet av Sølve Monica Steffensen.", ["Sølve Monica Steffensen"]),
        ("Styret Monica Steffensen leder møttes.", ["Monica Steffensen"]),
        ("Bodøs Kari Anne Lund ble valgt.", ["Kari Anne Lund"]),
        ("Tirsdag Kari Anne Lund kom ikke.", ["Kari Anne Lund"]),
        # a point of the compass after a first name, at the name's end, is a surname (`Mette Nord`);
        # after another word it names a region (`Helse Vest`)
        ("Avtalen ble signert av Mette Nord (LO) og Helse Vest.", ["Mette Nord"]),
    ],
)
def test_names(text, names):
    assert [p.name for p in people(text)] == names


@pytest.mark.parametrize("text, roles", [
    ("Styreleder Ola Hansen og nestleder Kari Nordmann ledet møtet.", ["styreleder", "nestleder"]),
    ("Styreleiar Ola Hansen og nestleiar Kari Nordmann leia møtet.", ["styreleiar", "nestleiar"]),  # nynorsk
])
def test_a_role_never_swallows_another_persons_name(text, roles):
    assert [p.role for p in people(text)] == roles


def test_a_surname_in_the_genitive_is_the_person():
    text = "Ola Hansen er rådmann.\n\n- Vi må spare, sier Hansen.\n\nHansens forslag fikk flertall.\n\n- Bra, sa Hansens."
    units, _, _ = find_quotes(classify(normalise_text(text)))
    assert [u.speaker.name for u in units] == ["Ola Hansen", "Ola Hansen"]


def test_typo_in_surname_is_the_same_person():
    text = "Daniel Aluku, leder av Viken ungdomsråd, talte.\n\nDaniel Aluka, leder Viken\nFoto: KS"
    assert [p.name for p in people(text)] == ["Daniel Aluku"]


@pytest.mark.parametrize(
    "text, role",
    [
        ("- Bra, sier Helge Eide, områdedirektør i KS.", "områdedirektør i KS"),
        # a word after the title that begins as a cue verb does (`samfunnsutvikling`, `sa`) ends no clause
        ("- Bra, sier Kari Nordmann, spesialrådgiver i avdeling for samfunnsutvikling i KS.",
         "spesialrådgiver i avdeling for samfunnsutvikling i KS"),
        ("- Bra, sier Kari Nordmann, leder for samarbeidsrådet i KS.", "leder for samarbeidsrådet i KS"),
        ("– Bra, seier Kari Nordmann, leiar for forteljarfestivalen i Stryn.", "leiar for forteljarfestivalen i Stryn"),
        ("Drammens rådmann Trond Julin var der.", "rådmann i Drammen"),
        # an organisation's name of an acronym and a word, in the genitive, is one owner
        ("Også YS Kommunes leder Johnny Skogseth signerte.", "YS Kommunes leder"),
        ("LO Kommunes leder Trude Tinnlund var fornøyd.", "LO Kommunes leder"),
        ("Administrerende direktør i KS, Lasse Hansen, uttaler dette.", "administrerende direktør i KS"),
        ("Han får støtte fra ordføreren i Bodø, Odd Emil Ingebrigtsen.", "ordføreren i Bodø"),
        ("Innlegget fra arbeidslivsdirektør i KS Tor Arne Gangsø var bra.", "arbeidslivsdirektør i KS"),
        ("Med Rune Haugsdal (fylkesdirektør Vestland fylkeskommune) i utvalet.", "fylkesdirektør Vestland fylkeskommune"),
        ("HR- og utviklingsdirektør Kirsti Aas Olsen la fram.", "HR- og utviklingsdirektør"),
        ("Ordfører Tore Opdal Hansen ønsket velkommen før Lasse Hansen holdt innlegg.", None),
        ("- Bra, sier prosjektleder Marte Lien i KS.", "prosjektleder i KS"),
        ("Kommunedirektør Kristin Bakken i Kvam er samd.", "kommunedirektør i Kvam"),
        ("Ordfører Ola Dahl i Molde kommune åpnet.", "ordfører i Molde kommune"),
        # `som` and a title right after a name, with what it is the title of (not `som leder utvalget`: a verb)
        ("Med Camilla Dunsæd som representant for kommunedirektørutvalget.", "representant for kommunedirektørutvalget"),
        ("Kari Nordmann som leiar i eldrerådet opna møtet.", "leiar i eldrerådet"),  # nynorsk
        ("Kari Nordmann som leder utvalget, var der.", None),
        # `fra` a body's compound in lower case is the body the person is from
        ("I møtet deltok Eirik Lae Solberg fra storbynettverket.", "storbynettverket"),
        ("I møtet deltok Ole Ueland fra fylkesordførerkollegiet.", "fylkesordførerkollegiet"),
        ("Kari Nordmann fra kommunen var der.", None),
        # ... also after a party tag
        ("Ordfører Ola Dahl (H) i Molde kommune åpnet.", "ordfører i Molde kommune"),
        ("Statssekretær Kari Nordmann (Sp) i Kommunal- og distriktsdepartementet deltok.",
         "statssekretær i Kommunal- og distriktsdepartementet"),
        # `fra` a place is where the person comes from, not whose the title is; a body it names is
        ("Deltager Anne Kristine Wensel fra Berlevåg lot seg inspirere.", "deltager"),
        ("Deltakar Kari Nordmann frå Stryn lét seg inspirere.", "deltakar"),  # nynorsk
        ("Seniorrådgiver Kari Nordmann fra Helsedirektoratet innledet.", "seniorrådgiver fra Helsedirektoratet"),
        # after a copula, a title's body in lower case is the role's too (`leder i ungdomsrådet`),
        # with the place or organisation after it; an adverbial may stand inside `ble ... valgt til`
        ("Emma Hansen er leder i ungdomsrådet i Alta kommune.", "leder i ungdomsrådet i Alta kommune"),
        ("Emma Hansen (17) er leder i ungdomsrådet.", "leder i ungdomsrådet"),
        ("Kari Nordmann er leiar i eldrerådet i Stryn.", "leiar i eldrerådet i Stryn"),  # nynorsk
        ("Kari Nordmann ble på årsmøtet den 29. mars valgt til leder for det nye kommunedirektørutvalget i Møre og Romsdal.",
         "leder for det nye kommunedirektørutvalget i Møre og Romsdal"),
        ("Kari Nordmann vart i haust vald til leiar for nytt rådmannsutval/kommunedirektørutval i Vestland.",
         "leiar for nytt rådmannsutval/kommunedirektørutval i Vestland"),  # nynorsk
        # appointed, hired or acting as a title (`tilsatt som`, `utnevnt til`, `konstituert som`)
        ("Ola Hansen er tilsatt som ny direktør i KS Bedrift.", "ny direktør i KS Bedrift"),
        ("Kari Nordmann er utnevnt til ny statssekretær i Kommunal- og distriktsdepartementet.",
         "ny statssekretær i Kommunal- og distriktsdepartementet"),
        ("Kari Nordmann er konstituert som kommunedirektør i Vik.", "kommunedirektør i Vik"),
        ("Kari Nordmann vart utnemnd til ny leiar i utvalet.", "ny leiar i utvalet"),  # nynorsk
        ("Ola Hansen er oppnevnt som medlem av utvalget.", "medlem av utvalget"),
        # ... not a time or a turn
        ("Kari Nordmann er leder i tre år til.", "leder"),
        ("Kari Nordmann er ordfører for andre gang.", "ordfører"),
        ("Kari Nordmann ble i fjor gjenvalgt.", None),
        # the professions of the sector's employees are titles (bokmål and nynorsk)
        ("- Vi trenger flere hender, sier sykepleier Kari Nordmann.", "sykepleier"),
        ("– Vi treng fleire hender, seier lærar Kari Nordmann.", "lærar"),
        ("Barnehagestyrer Kari Nordmann ønsket velkommen.", "barnehagestyrer"),
        ("Hovudtillitsvald Kari Nordmann var nøgd.", "hovudtillitsvald"),
        ("Verneombud Ola Hansen var bekymret.", "verneombud"),
        ("Politimester Ola Hansen orienterte.", "politimester"),
        ("Helsesøster Kari Nordmann har lang erfaring.", "helsesøster"),
        # a party inside a role's brackets is the party, not the role's
        ("Panelet besto av Kari Nordmann (ordfører i Bodø, Ap).", "ordfører i Bodø"),
        ("Panelet bestod av Kari Nordmann (Sp, ordførar i Stryn).", "ordførar i Stryn"),  # nynorsk
        # an institution named by the place it serves or by its field is one name, not a word and a place
        ("Professor Jan Erik Askildsen ved Universitetet i Bergen innledet.", "professor ved Universitetet i Bergen"),
        ("- Bra, sa professor Jan Erik Askildsen fra Universitetet i Bergen.", "professor fra Universitetet i Bergen"),
        ("Rådgiver Kari Nordmann hos Statsforvalteren i Oslo og Viken svarte.",
         "rådgiver hos Statsforvalteren i Oslo og Viken"),
        ("Førsteamanuensis Kari Nordmann ved Høgskulen på Vestlandet opna.", "førsteamanuensis ved Høgskulen på Vestlandet"),
        ("- Bra, sa forsker Hilde Lorentzen ved Institutt for samfunnsforskning.",
         "forsker ved Institutt for samfunnsforskning"),
        ("Forsker Hilde Lorentzen ved Norsk institutt for by- og regionforskning har skrevet rapporten.",
         "forsker ved Norsk institutt for by- og regionforskning"),
        ("Seniorrådgiver Kari Nordmann i Direktoratet for høyere utdanning og kompetanse, innledet.",
         "seniorrådgiver i Direktoratet for høyere utdanning og kompetanse"),
        ("«Vi treng fleire hender», seier dagleg leiar Ola Nordmann ved Førde sjukehus.",
         "dagleg leiar ved Førde sjukehus"),  # nynorsk; an institution named by the place before it
        # ... and its name ends where the clause goes on
        ("Forsker Hilde Lorentzen ved Senter for økonomisk forskning har regnet på det.",
         "forsker ved Senter for økonomisk forskning"),
        ("Forsker Hilde Lorentzen ved Institutt for samfunnsforskning og NIBR har skrevet rapporten.",
         "forsker ved Institutt for samfunnsforskning"),
        # an organisation in the genitive, written as an acronym, with no title: the organisation
        ("Debatten ble ledet av NRKs Tone Sofie Aglen på Steinkjer.", "NRK"),
        ("Debatten vart leia av NRKs Kari Nordmann på Steinkjer.", "NRK"),  # nynorsk
        # a photo credit: the agency after the photographer's name
        ("Ordførerne møttes.\n\nFoto: Svein Nordrum/ Scanpix", "Scanpix"),
        ("Ordførerne møttes.\n\nFoto: Kari Nordmann, NTB", "NTB"),
    ],
)
def test_role_nearest_the_name(text, role):
    assert people(text)[-1].role == role


def test_a_title_in_brackets_after_a_comma():
    text = "Fra venstre Ragnhild Lied (Unio), Paul Chaffey, (Statssekretær i KMD) og Mette Nord (LO)."
    assert {p.name: p.role for p in people(text)}["Paul Chaffey"] == "statssekretær i KMD"


@pytest.mark.parametrize(
    "text, role",
    [
        ("KS' styreleder Bjørn Arild Gram åpnet møtet.", "styreleder i KS"),
        ("KS’ styreleiar Gunn Marit Helgesen opna møtet.", "styreleiar i KS"),  # nynorsk
        ("– Konferansen var nyttig, sier KS nyvalgte nestleder, Aud Hove.", "nyvalgt nestleder i KS"),
        ("– Konferansen var nyttig, seier KS nyvalde nestleiar, Aud Hove.", "nyvald nestleiar i KS"),  # nynorsk
        ("Bergens ordfører Marte Mjøs Persen var til stede.", "ordfører i Bergen"),
        ("Ås' ordfører Ola Nordmann var til stede.", "ordfører i Ås"),
        ("NHOs direktør Kari Nordmann la fram tallene.", "direktør i NHO"),
        ("KS' direktør for arbeidsliv Tor Arne Gangsø la fram tallene.", "direktør for arbeidsliv i KS"),
        # a person's genitive is no owner, and a role with an owner of its own stays as written
        ("Støres rådgiver Kari Nordmann var til stede.", "Støres rådgiver"),
        ("Drammens leder i Fagforbundet Kari Nordmann var til stede.", "Drammens leder i Fagforbundet"),
    ],
)
def test_role_with_its_owner_in_the_genitive_names_the_owner_last(text, role):
    """The annotators write `styreleder i KS` where the text says `KS' styreleder`: one form per
    office, so that the speakers table groups the same role once."""
    assert people(text)[-1].role == role


@pytest.mark.parametrize(
    "role, group",
    [
        ("områdedirektør i KS", "KS"), ("KS’ styreleder", "KS"), ("KS-direktør", "KS"),
        ("regiondirektør", "KS"), ("fungerende fylkesstyreleder", "KS"),
        ("ordfører", "elected"), ("fylkesordfører i Agder", "elected"), ("statssekretær", "elected"),
        ("barne- og familieminister", "elected"), ("fylkesråd for utdanning og kompetanse", "elected"),
        ("kommunedirektør i Harstad kommune", "administration"), ("Drammens rådmann", "administration"),
        ("Kommunedirektørene", "administration"), ("fylkesdirektør", "administration"),
        ("leder av Viken ungdomsråd", "other"), ("professor ved NTNU", "other"), (None, "other"),
    ],
)
def test_role_group(role, group):
    assert role_group(role, organisation_of(role)) == group


@pytest.mark.parametrize(
    "role, org",
    [
        ("områdedirektør i KS", "KS"), ("kommunedirektør i Harstad kommune", "Harstad kommune"),
        ("leder i NHO-Innlandet", "NHO-Innlandet"), ("ordfører", None),
        ("styreleder i Norsk Rådmannsforum og kommunedirektør i Harstad kommune", "Norsk Rådmannsforum"),
        # a suspended compound is one name (`Kommunal- og distriktsdepartementet`), not `Kommunal-`
        ("statssekretær i Kommunal- og distriktsdepartementet", "Kommunal- og distriktsdepartementet"),
        ("avdelingsdirektør i Helse- og velferdsavdelingen", "Helse- og velferdsavdelingen"),
        ("rådgiver i Nærings- og fiskeridepartementet og i KS", "KS"),
        ("direktør i Barne-, ungdoms- og familiedirektoratet", "Barne-, ungdoms- og familiedirektoratet"),
        ("seniorrådgiver i Arbeids- og velferdsdirektoratet og leder i Harstad kommune",
         "Arbeids- og velferdsdirektoratet"),
        # ... and an acronym that is a compound's first part is no organisation (`HR- og utviklingsdirektør`)
        # a municipality by its name, with no preposition before it, or a role that is one
        ("fylkesdirektør Vestland fylkeskommune", "Vestland fylkeskommune"), ("Asker kommune", "Asker kommune"),
        ("kommunedirektør i nye Kinn kommune", "Kinn kommune"), ("rådmann Kvam herad", "Kvam herad"),
        ("HR- og utviklingsdirektør", None), ("helse- og sosialdirektør", None), ("leder i NAV", "NAV"),
        # a card's role names its organisation after a comma, as a name of two or more words
        ("professor, Høgskolen i Lillehammer", "Høgskolen i Lillehammer"),
        # an institution named by the place it serves or by its field, after a preposition
        ("professor ved Universitetet i Bergen", "Universitetet i Bergen"),
        ("rådgiver hos Statsforvalteren i Oslo og Viken", "Statsforvalteren i Oslo og Viken"),
        ("overlege ved Sørlandet sykehus", "Sørlandet sykehus"),
        ("leder for nytt kommunedirektørutvalg i Vestfold og Telemark", "Vestfold og Telemark"),
        ("prosjektleder i Nav og Universitetslektor NTNU", "Nav"),  # a title after `og`: another role
        ("YS Kommunes leder", "YS Kommune"),  # an acronym and a word in the genitive
        ("forsker ved Institutt for samfunnsforskning", "Institutt for samfunnsforskning"),
        ("forsker ved Norsk institutt for by- og regionforskning", "Norsk institutt for by- og regionforskning"),
        ("seniorrådgjevar i Direktoratet for høgare utdanning og kompetanse",
         "Direktoratet for høgare utdanning og kompetanse"),  # nynorsk
        ("direktør, Ferd Sosiale Entreprenør", "Ferd Sosiale Entreprenør"),
        ("daglig leder, Nord-Trøndelag", None), ("direktør for oppvekst, kultur og utdanning i KS", "KS"),
        # a role that is an organisation known by its name alone (`Ragnhild Lied (Unio)`) is the organisation
        ("Unio", "Unio"), ("Akademikerne", "Akademikerne"),
        # ... and so is a role that is a body's name with no title (`Kari Nordmann fra Agenda Kaupang`)
        ("Agenda Kaupang", "Agenda Kaupang"), ("Kommunedirektørutvalget", "Kommunedirektørutvalget"),
        ("Frivillighet Norge", "Frivillighet Norge"), ("Statsforvalteren", None),
    ],
)
def test_organisation(role, org):
    assert organisation_of(role) == org


@pytest.mark.parametrize(
    "text, gender, source",
    [
        ("Ordfører Heidi Granli åpnet.", "F", "name"),
        ("Rådmann Trond Julin åpnet.", "M", "name"),
        ("Kommunedirektør Dag-Henrik Sandbakken åpnet.", "M", "name"),
        # an unknown first name: the pronoun decides
        ("Rådmann Xylo Brekke åpnet.\n\n- Vi er klare, sier hun.", "F", "pronoun"),
        # no evidence: unknown, never a guess
        ("Rådmann Xylo Brekke åpnet.", None, None),
    ],
)
def test_gender_from_name_then_pronoun(text, gender, source):
    person = people(text)[0]
    assert (person.gender, person.gender_source) == (gender, source)


def test_gender_from_the_first_given_name_the_name_list_knows():
    assert [p.gender for p in people("Møtet ble ledet av Sølve Monica Steffensen.")] == ["F"]


def test_candidate_names_in_an_attribution_slot_accept_unknown_first_names():
    assert candidate_names("sier Xylo Brekke.", slot=True)[0][2] == ["Xylo", "Brekke"]
    assert candidate_names("sier Xylo Brekke.") == []


def test_normalise_name_folds_case_space_and_diacritics():
    assert normalise_name("Tor  Arne GANGSØ") == "tor arne gangsø"
    assert normalise_name("Gunnar Bendixén") == normalise_name("gunnar  bendixen") == "gunnar bendixen"
    assert normalise_name("Anne-Grete Strøm") == "anne grete strøm"


def test_speakers_table_folds_people_across_articles(seeds):
    speakers = to_speakers(seeds.people)
    gangso = speakers[speakers["name"] == "Tor Arne Gangsø"].iloc[0]
    assert gangso["n_articles"] == 2 and gangso["n_quotes"] == 3 and gangso["role_group"] == "KS"
    assert speakers["name"].is_unique
    assert speakers["n_quotes"].sum() == seeds.people["n_quotes"].sum()


def test_speakers_fold_names_and_count_each_rule():
    import pandas as pd

    people = pd.DataFrame({
        "article_id": ["a1", "a1", "a2", "a3", "a3", "a4"],
        "name": ["Kari Nordmann", "Ola Vik", "kari  nordmann", "Kåri Nordmann", "Ola Vik", "Per Ås"],
        "role": ["ordfører", None, "rådmann i Gol", "ordfører", "direktør", None],
        "role_group": pd.Categorical(["elected", None, "administration", "administration", "other", None]),
        "gender": pd.Categorical(["F", "M", None, "F", "M", None]),
        "n_quotes": [1, 0, 2, 0, 0, 0],
    })
    people["quoted"] = people["n_quotes"] > 0
    out = to_speakers(people).set_index("name")
    kari = out.loc["Kari Nordmann"]  # the first way the name was written; case, spaces, å folded
    assert (kari["n_articles"], kari["n_quotes"], bool(kari["quoted"])) == (3, 3, True)
    assert kari["roles"] == "ordfører; rådmann i Gol"  # each role once, in order of appearance
    assert kari["role_group"] == "administration" and kari["gender"] == "F"  # most frequent
    ola = out.loc["Ola Vik"]
    assert (ola["n_articles"], ola["roles"], ola["role_group"], bool(ola["quoted"])) == (2, "direktør", "other", False)
    assert out.loc["Per Ås", "roles"] == "" and pd.isna(out.loc["Per Ås", "gender"])
    assert list(out.index) == ["Kari Nordmann", "Ola Vik", "Per Ås"]  # most quoted, then most articles


def test_a_speaker_named_only_by_surname_is_the_one_person_of_the_corpus_with_that_surname():
    """An article that never writes the full name (`sa Gram`) quotes the person the other
    articles name in full, when only one person of the corpus has that surname; with two
    (Kari and Ola Hansen), `Hansen` stays apart."""
    import pandas as pd

    people = pd.DataFrame({
        "article_id": ["a1", "a2", "a3", "a3", "a4"],
        "name": ["Bjørn Arild Gram", "Gram", "Kari Hansen", "Ola Hansen", "Hansen"],
        "role": ["styreleder i KS", None, None, None, None],
        "role_group": pd.Categorical(["KS", None, None, None, None]),
        "gender": pd.Categorical(["M", None, "F", "M", None]),
        "n_quotes": [2, 3, 1, 1, 1],
    })
    people["quoted"] = people["n_quotes"] > 0
    out = to_speakers(people).set_index("name")
    assert "Gram" not in out.index
    assert (out.loc["Bjørn Arild Gram", "n_articles"], out.loc["Bjørn Arild Gram", "n_quotes"]) == (2, 5)
    assert out.loc["Bjørn Arild Gram", "gender"] == "M"
    assert {"Kari Hansen", "Ola Hansen", "Hansen"} <= set(out.index)
    assert out["n_quotes"].sum() == people["n_quotes"].sum()


@pytest.mark.parametrize("text", [
    "Om Leve hele livet\n\nReformen skal gi eldre en bedre hverdag.",  # a heading `Om X`
    "Andre Kommuner har valgt en annen modell.",
    "Ja Takk til mer samarbeid, sier kommunene.",
])
def test_function_words_the_name_list_has_are_no_first_names(text):
    """`Om`, `Andre` and `Ja` are in the name list as first names; at the start of a heading or a
    sentence they are a preposition, a pronoun and an answer."""
    assert find_quotes(classify(text))[1] == []


@pytest.mark.parametrize("text, name", [
    # a full name written only in the genitive, before its noun, is the person
    ("KS' styreleder Gunn Marit Helgesens innlegg i komiteen ble godt mottatt.", "Gunn Marit Helgesen"),
    ("KS' styreleiar Gunn Marit Helgesens innlegg i komiteen vart godt motteke.", "Gunn Marit Helgesen"),  # nn
    ("Ordfører Kari Nordmanns forslag ble vedtatt.", "Kari Nordmann"),
    # a surname that ends in an s of its own keeps it
    ("Ordfører Kari Lauvås sier at dette er bra.", "Kari Lauvås"),
    ("Ordfører Kari Moss sier at dette er bra.", "Kari Moss"),
])
def test_a_name_in_the_genitive_is_the_person(text, name):
    assert [p.name for p in find_quotes(classify(normalise_text(text)))[1]] == [name]


@pytest.mark.parametrize("text, roles", [
    # a title in the plural before two names is the title of both
    ("Møtet med statsrådene Sigbjørn Gjelsvik og Ingvild Kjerkhol var nyttig.",
     {"Sigbjørn Gjelsvik": "statsrådene", "Ingvild Kjerkhol": "statsrådene"}),
    ("I møtet deltok nestlederne Odd Stangeland og Aud Hove.",  # -erne: leder, lederne
     {"Odd Stangeland": "nestlederne", "Aud Hove": "nestlederne"}),
    ("I møtet deltok nestleiarane Odd Stangeland og Aud Hove.",  # nynorsk
     {"Odd Stangeland": "nestleiarane", "Aud Hove": "nestleiarane"}),
    # ... also with a party or a place in brackets after each name
    ("Med ordførerne Rita Ottervik (Trondheim) og Marianne Borgen (Oslo).",
     {"Rita Ottervik": "ordførerne", "Marianne Borgen": "ordførerne"}),
    ("Med statsrådene Sigbjørn Gjelsvik (Sp) og Ingvild Kjerkol (Ap).",
     {"Sigbjørn Gjelsvik": "statsrådene", "Ingvild Kjerkol": "statsrådene"}),
    # ... also with `med` between: the group and the members it is represented by
    ("Gjennomgangen ble forestått av KS-økonomene med Rune Bye og Sigmund Engdal som la fram tallene.",
     {"Rune Bye": "KS-økonomene", "Sigmund Engdal": "KS-økonomene"}),
    ("Møtet med Kari Nordmann og Ola Hansen var nyttig.", {"Kari Nordmann": None, "Ola Hansen": None}),
    # a singular title stays with its own name; a role never holds another person's name
    ("Ordfører Kari Nordmann og Ola Hansen møttes.", {"Kari Nordmann": "ordfører", "Ola Hansen": None}),
    ("I møtet deltok nestlederne Odd Stangeland og Aud Hove, Eirik Lae Solberg fra storbynettverket.",
     {"Odd Stangeland": "nestlederne", "Aud Hove": "nestlederne", "Eirik Lae Solberg": "storbynettverket"}),
    # a title after the name before and its `og` is the next name's own
    ("Valgløftet ble overlevert til stortingspresident Masud Gharahkhani og plenumsleder på Sametinget, Tom Sottinen.",
     {"Masud Gharahkhani": "stortingspresident", "Tom Sottinen": "plenumsleder på Sametinget"}),
    ("Sammen med ordførere overleverte Helgesen valgløftet 2023 til stortingspresident Masud Gharahkhani og "
     "plenumsleder på Sametinget, Tom Sottinen.",  # a long clause: the title that is its last words' object
     {"Masud Gharahkhani": "stortingspresident", "Tom Sottinen": "plenumsleder på Sametinget"}),
    ("Ho møtte ordførar Kari Nordmann og rådmann i Kvam herad, Ola Hansen.",  # nynorsk
     {"Kari Nordmann": "ordførar", "Ola Hansen": "rådmann i Kvam herad"}),
])
def test_a_plural_title_is_the_title_of_both_names(text, roles):
    assert {p.name: p.role for p in find_quotes(classify(normalise_text(text)))[1]} == roles


@pytest.mark.parametrize("text, role", [
    # a role starts after the copula of its clause
    ("Ny leder er kommunedirektør i nye Kinn kommune, Terje Heggheim.", "kommunedirektør i nye Kinn kommune"),
    ("Ny leiar er kommunedirektør i nye Kinn kommune, Terje Heggheim.", "kommunedirektør i nye Kinn kommune"),  # nn
    ("Dag-Henrik Sandbakken, som er fagsjef for folkevaltprogrammet, møter mange folkevalgte.",
     "fagsjef for folkevaltprogrammet"),
    # ... and a `som` clause without one has a verb, not a title (`som leder utvalget`: who leads it)
    ("– Vi er klare, sier Marthe Hammer, som leder utvalget.", None),
    ("– Vi er klare, seier Kari Nordmann, som leiar utvalet.", None),  # nynorsk
    # a hyphen joined to the next word by `og` is one name: `Kommunal- og distriktsdepartementet`
    ("Der møtte statssekretær Gunn Karin Gjul i Kommunal- og distriktsdepartementet ordførerne.",
     "statssekretær i Kommunal- og distriktsdepartementet"),
    # a place before a title's hyphen keeps its capital (`Notodden-ordfører`, nynorsk `-ordførar`);
    # a title that opens a sentence does not, also one written in two (`Kultur- og ...minister`)
    ("Under temaet fortalte Notodden-ordfører Gry Fuglestveit om huset.", "Notodden-ordfører"),
    ("– Det er bra, seier Vågsøy-ordførar Kari Nordmann.", "Vågsøy-ordførar"),
    ("Kultur- og likestillingsminister Lubna Jaffery ønsket velkommen.", "kultur- og likestillingsminister"),
    ("Kunnskaps- og integreringsminister Kari Nordmann opna møtet.", "kunnskaps- og integreringsminister"),
    # spellings a title has in KS's pages: `styrelder`, `deltager`/`deltaker` (nynorsk `deltakar`)
    ("Det sier styrelder i KS, Kari Nordmann, under åpningen.", "styrelder i KS"),
    ("Deltager Anne Kristine Wensel på Hamar lot seg inspirere.", "deltager"),
    ("Deltakar Kari Nordmann på Stord let seg inspirere.", "deltakar"),
    # the title, a comma, then its organisation right before the name
    ("Hva har vi i vente? Avdelingsdirektør for arbeidsliv, KS Bjarte Rørmark kommer.",
     "avdelingsdirektør for arbeidsliv, KS"),
    ("Kva har vi i vente? Avdelingsdirektør for arbeidsliv, KS Kari Nordmann kjem.",
     "avdelingsdirektør for arbeidsliv, KS"),
    ("Møtet leies av KS Kari Nordmann.", None),
    # a body represented by a person (`X ved Y`) is the person's role, as a title is (`Statsforvalteren ved`)
    ("Vi skal høre fra Totalberedskapskommisjonen, ved Cecilie Daae, om beredskap.", "Totalberedskapskommisjonen"),
    ("Vi skal høyre frå Helsedirektoratet ved Kari Nordmann om beredskap.", "Helsedirektoratet"),  # nynorsk
    ("Planen ble lagt fram av Asker kommune ved Kari Nordmann i går.", "Asker kommune"),
    ("Vi satt ved Kari Nordmann i går.", None),
    # a former post joined to the present one is not the role the person has (`og tidligere ...`)
    ("Daniel Martinsen, fylkesleder i Elevorganisasjonen og tidligere leder av Ås ungdomsråd, talte.",
     "fylkesleder i Elevorganisasjonen"),
    ("Kari Nordmann, fylkesleiar i Elevorganisasjonen og tidlegare leiar av Ås ungdomsråd, tala.",
     "fylkesleiar i Elevorganisasjonen"),  # nynorsk
    ("Tidligere ordfører Kari Nordmann talte.", "tidligere ordfører"),
])
def test_the_role_as_written(text, role):
    [person] = [p for p in find_quotes(classify(normalise_text(text)))[1]]
    assert person.role == role


@pytest.mark.parametrize("text, roles", [
    # a title, what it is the title of and the organisation, right before the name
    ("Til seminaret kommer departementsråd i KMD Eivind Dale og avdelingsdirektør for kommuneøkonomi i KS "
     "Rune Bye.", {"Eivind Dale": "departementsråd i KMD", "Rune Bye": "avdelingsdirektør for kommuneøkonomi i KS"}),
    ("Til seminaret kjem rådgjevar for økonomi i KS Ola Vik.", {"Ola Vik": "rådgjevar for økonomi i KS"}),  # nn
    ("På møtet var spesialrådgiver for digitalisering i KS Kari Nordmann.",
     {"Kari Nordmann": "spesialrådgiver for digitalisering i KS"}),
    # an ordinal before the title after a comma
    ("Jenny Følling, 2. nestleder i KS, var opptatt av saken.", {"Jenny Følling": "2. nestleder i KS"}),
    ("Jenny Følling, 2. nestleiar i KS, var oppteken av saka.", {"Jenny Følling": "2. nestleiar i KS"}),  # nn
    # the organisation a person is from, when it is the name of a body, not a place of origin
    ("Avtalen ble signert av Sturla Stålsett fra Frivillighet Norge.", {"Sturla Stålsett": "Frivillighet Norge"}),
    ("Randi Sandli frå Asker kommune og Per Hansen fra KS var der.",
     {"Randi Sandli": "Asker kommune", "Per Hansen": "KS"}),
    ("Kari Nordmann fra Bodø var der.", {"Kari Nordmann": None}),
    # ... also one word, when it ends in a body's noun (`bodies.txt`)
    ("I møtet deltok Bjørn Fauchald fra Kommunedirektørutvalget (KDU) og Kari Nordmann fra Helsedirektoratet.",
     {"Bjørn Fauchald": "Kommunedirektørutvalget", "Kari Nordmann": "Helsedirektoratet"}),
    # ... and in lower case, a compound (`storbynettverket`); a place is none
    ("I møtet deltok Eirik Lae Solberg fra storbynettverket og Kari Nordmann fra Fosen.",
     {"Eirik Lae Solberg": "storbynettverket", "Kari Nordmann": None}),
    # an organisation the sector knows by name, in brackets after a name, is the role; a party, a
    # place or a list the list of organisations does not hold is none
    ("Fra venstre Jan Olav Birkenhagen (Akademikerne), Ragnhild Lied (Unio) og Mette Nord (LO).",
     {"Jan Olav Birkenhagen": "Akademikerne", "Ragnhild Lied": "Unio", "Mette Nord": "LO"}),
    ("Med Kari Nordmann (Stord), Ola Hansen (TvF) og Per Olsen (Ap) i utvalet.",
     {"Kari Nordmann": None, "Ola Hansen": None, "Per Olsen": None}),
    # a title written in two after the comma (`barne- og familieminister`): its `og` ends no clause
    ("– Det er viktig for oss, sier Kjersti Toppe (Sp), barne- og familieminister.",
     {"Kjersti Toppe": "barne- og familieminister"}),
    ("– Det er viktig for oss, seier Kari Nordmann, kommunal- og distriktsminister.",  # nynorsk
     {"Kari Nordmann": "kommunal- og distriktsminister"}),
    # a party tag before the role; an abbreviated title; a title for a list of fields
    ("Anne Berit Støyva Emblem (AP), nestleder", {"Anne Berit Støyva Emblem": "nestleder"}),
    ("Anne Berit Støyva Emblem (Sp), nestleiar", {"Anne Berit Støyva Emblem": "nestleiar"}),  # nynorsk
    ("Kari Nordmann (43) er ny ordfører i Bodø.", {"Kari Nordmann": "ny ordfører i Bodø"}),  # an age in brackets
    ("Det sier Alf Vee Midttun, adm. direktør i Rauma Energi Holding AS, samt leder i utvalget.",
     {"Alf Vee Midttun": "adm. direktør i Rauma Energi Holding AS"}),
    ("Det sa Kristin Holm Jensen, direktør for oppvekst, kultur og utdanning i KS.",
     {"Kristin Holm Jensen": "direktør for oppvekst, kultur og utdanning i KS"}),
    # a copula after the name gives its title, and an organisation written with a capital
    ("Jan Erik Innvær har vært regiondirektør i regionen siden 2015.", {"Jan Erik Innvær": "regiondirektør"}),
    ("Jan Erik Innvær har vore regiondirektør i regionen sidan 2015.", {"Jan Erik Innvær": "regiondirektør"}),  # nn
    ("Kari Nordmann er ordfører i Bodø kommune. Ola Hansen er glad i ordføreren.",
     {"Kari Nordmann": "ordfører i Bodø kommune", "Ola Hansen": None}),
    # adverbs, an article and describing adjectives between the copula and the title are not the role's
    ("Kari Nordmann er allerede en erfaren politiker etter to perioder.", {"Kari Nordmann": "politiker"}),
    ("Ola Hansen er no ein dyktig rådmann i Bodø kommune.", {"Ola Hansen": "rådmann i Bodø kommune"}),  # nn
    # a body in brackets is the role; a party tag or a place in brackets is none
    ("Anne Berit Stenseth (KS Bedrift) var der. Ola Hansen (Ap) kom også, og Per Olsen (Bodø).",
     {"Anne Berit Stenseth": "KS Bedrift", "Ola Hansen": None, "Per Olsen": None}),
    # working as a title (`jobber som`), bokmål and nynorsk
    ("Kari Nordmann jobber som rådgiver i KS.", {"Kari Nordmann": "rådgiver i KS"}),
    ("Ola Hansen arbeider som prosjektleder ved NTNU.", {"Ola Hansen": "prosjektleder ved NTNU"}),
    ("Kari Nordmann jobbar no som rådgjevar i KS.", {"Kari Nordmann": "rådgjevar i KS"}),
    ("Kari Nordmann jobber som frivillig i helgene.", {"Kari Nordmann": None}),  # no title after it
    # elected or hired to a title
    ("Sven Tore Løkslid ble valgt til fylkesstyreleder og vil møte i landsstyret.",
     {"Sven Tore Løkslid": "fylkesstyreleder"}),
    ("Sven Tore Løkslid vart vald til fylkesstyreleiar.", {"Sven Tore Løkslid": "fylkesstyreleiar"}),  # nynorsk
    # `ved` before a name: represented by; a clause after a comma that holds another name is no role
    ("Vi hører fra kommisjonen, ved Cecilie Daae, fra Statsforvalteren ved Ingvild Aartun – og fra kommunene.",
     {"Cecilie Daae": None, "Ingvild Aartun": "statsforvalteren"}),
])
def test_the_title_and_organisation_around_a_name(text, roles):
    assert {p.name: p.role for p in find_quotes(classify(normalise_text(text)))[1]} == roles


@pytest.mark.parametrize(
    "text, name, role",
    [
        # a contact card: the name, again under its photo, then the title line
        ("Høringen er sendt.\n\nHelge Eide\n\nHelge Eide\n\nOmrådedirektør Interessepolitikk",
         "Helge Eide", "områdedirektør Interessepolitikk"),
        ("Høyringa er sendt.\n\nKari Nordmann\n\nDagleg leiar, Sunnfjord",  # nynorsk
         "Kari Nordmann", "dagleg leiar, Sunnfjord"),
        ("Les mer.\n\nMarit Moe\n\nDaglig leder, Nord-TrøndelagSe vedlagte høringsuttalelse",  # the next block glued on
         "Marit Moe", "daglig leder, Nord-Trøndelag"),
        ("Les mer.\n\nLise Spikkeland\n\nSpesialrådgiver - lokaldemokrati og etikk5", "Lise Spikkeland",
         "spesialrådgiver - lokaldemokrati og etikk"),
        # a name over a paragraph of text is no card
        ("Kari Nordmann\n\nOrdfører i Bodø har lenge ment at skolen trenger mer penger.", "Kari Nordmann", None),
        # a speaker list or a signature: the name and its title on one line, after a dash or capitalised
        ("Innledere:\n\nRolf Rønning– professor, Høgskolen i Lillehammer\n\nJan Erik Innvær – regiondirektør, KS",
         "Rolf Rønning", "professor, Høgskolen i Lillehammer"),
        ("Innledere:\n\nRolf Rønning– professor, Høgskolen i Lillehammer\n\nJan Erik Innvær – regiondirektør, KS",
         "Jan Erik Innvær", "regiondirektør, KS"),
        ("Vi står sammen om dette.\n\nFebruar 2024\n\nGunn Marit Helgesen Styreleder i KS", "Gunn Marit Helgesen",
         "styreleder i KS"),
        ("Innleiarar:\n\nKari Nordmann – dagleg leiar, Sunnfjord", "Kari Nordmann", "dagleg leiar, Sunnfjord"),
        # ... also a first name the name list lacks: the title after the dash makes it a person
        ("Juryen\n\nJan Erik Innvær – regiondirektør, KS\n\nMoa Björnson – utviklingssjef, Træna kommune",
         "Moa Björnson", "utviklingssjef, Træna kommune"),
        # ... also as a list's item
        ("Rådets sammensetning:\n\n • Roar Vevelstad, kommunedirektør i Halden kommune\n\n"
         " • Hildegunn Thode Dalsnes Kommunedirektør Ibestad kommune", "Hildegunn Thode Dalsnes",
         "kommunedirektør Ibestad kommune"),
        # ... but not a presentation's file, nor a heading whose verb is also a title
        ("Presentasjoner:\n\nTor Arne Gangsø - Mellomoppgjøret 2023.pdf", "Tor Arne Gangsø", None),
        ("Nyheter\n\nKari Nordmann leder nytt utvalg", "Kari Nordmann", None),
    ],
)
def test_role_on_a_contact_card(text, name, role):
    assert {p.name: p.role for p in people(text)}[name] == role


def test_a_sites_link_block_names_nobody():
    """A link block is boilerplate: the words after its dash may open with a title's (`Veileder`)."""
    assert people("Les mer.\n\nLenkeblokk Icon – Veileder for konsultasjonsordningen") == []


@pytest.mark.parametrize(
    "text, role",
    [
        ("Politisk redaktør i Adresseavisen, Tone Sofie Aglen, avsluttet dagen.", "politisk redaktør i Adresseavisen"),
        ("Han møtte vikarierende arbeids- og sosialminister Henrik Asheim i går.",
         "vikarierende arbeids- og sosialminister"),
        ("Ho møtte vikarierande arbeids- og sosialminister Henrik Asheim i går.",  # nynorsk
         "vikarierande arbeids- og sosialminister"),
        ("Stedfortredende kommunedirektør Ola Hansen åpnet møtet.", "stedfortredende kommunedirektør"),
        ("Møtet ble ledet av assisterende direktør Ola Hansen.", "assisterende direktør"),
        ("Sitjande ordførar Kari Nordmann opna møtet.", "sitjande ordførar"),  # nynorsk
        # an abbreviated modifier's point ends no clause
        ("Møtet ble åpnet av fung. rådmann Ola Hansen.", "fung. rådmann"),
        ("Adm. direktør Lasse Hansen åpnet møtet.", "adm. direktør"),
        # an ordinal written as a word, as `2. nestleder` is written with a digit
        ("KS møtte med en delegasjon som bestod av første nestleder Jenny Følling og andre.", "første nestleder"),
        ("Fyrste nestleiar Kari Nordmann opna møtet.", "fyrste nestleiar"),  # nynorsk
        # ... but not `andre`, which is as often `other` (`blant andre ordfører Kari Nordmann`)
        ("Møtet samlet blant andre ordfører Kari Nordmann.", "ordfører"),
    ],
)
def test_modifiers_before_a_title_belong_to_the_role(text, role):
    """`resources/role_modifiers.txt`: `politisk`, `vikarierende`, `daglig` are part of the role."""
    assert people(text)[-1].role == role


@pytest.mark.parametrize(
    "text, role",
    [
        # a long clause before `, <name>`: the role that is the object of its last words
        ("Innføring i debattheftet og kommende lønnsoppgjør av KS områdedirektør for arbeidsliv, "
         "Tor Arne Gangsø.", "områdedirektør for arbeidsliv i KS"),
        ("Innleiing om debatthefte og det komande lønsoppgjeret ved KS områdedirektør for arbeidsliv, "  # nynorsk
         "Tor Arne Gangsø.", "områdedirektør for arbeidsliv i KS"),
        # ... but not a title far back in a long sentence
        ("Ordføreren sa at dette er en viktig sak for hele kommunen og for alle innbyggerne, Kari Nordmann "
         "var enig.", None),
        # the post a clause names after the name
        ("Inger Lysa vil formelt starte opp i stillingen som regiondirektør 1. september.", "regiondirektør"),
        ("Kari Nordmann byrjar i stillinga som kommunedirektør i Kinn i august.", "kommunedirektør i Kinn"),  # nn
    ],
)
def test_role_of_a_long_clause_and_of_a_post(text, role):
    assert people(text)[0].role == role


@pytest.mark.parametrize(
    "text, role",
    [
        ("Innledere var områdedirektør for arbeidsliv Tor Arne Gangsø i KS og andre.", "områdedirektør for arbeidsliv i KS"),
        ("Innleiarar var direktør for samfunn Kari Nordmann i KS og andre.", "direktør for samfunn i KS"),  # nynorsk
        ("Innledere var ordfører i Bodø Kari Nordmann i KS og andre.", "ordfører i Bodø"),  # an owner already
    ],
)
def test_a_field_before_the_name_and_the_owner_after_it(text, role):
    assert people(text)[0].role == role


@pytest.mark.parametrize(
    "text, role",
    [
        ("Møtet\n\nRådmann Trond Julin under møtet. Foto: KS\n\n- Det var flott, sier Drammens rådmann Trond Julin.",
         "rådmann i Drammen"),
        ("Møtet\n\nRådmann Kari Nordmann på møtet. Foto: KS\n\n- Det var fint, seier kommunedirektør i Kinn Kari Nordmann.",
         "kommunedirektør i Kinn"),  # nynorsk
        # a caption's role stays where the text gives none
        ("Møtet\n\nRådmann Trond Julin under møtet. Foto: KS\n\n- Det var flott, sier Trond Julin.", "rådmann"),
    ],
)
def test_the_texts_own_role_wins_over_a_captions(text, role):
    paras = classify(normalise_text(text))
    assert paras[1].kind == "caption"
    assert people(text)[0].role == role


@pytest.mark.parametrize("text, roles", [
    # the title in a later sentence that opens with the person's surname
    ("– Vi er fornøyde, sier Ola Hansen.\n\nHansen er ordfører i Bø.", {"Ola Hansen": "ordfører i Bø"}),
    # ... or with a pronoun, right after the sentence that names them (bokmål and nynorsk)
    ("– Vi er fornøyde, sier Ola Hansen. Han er ordfører i Bø.", {"Ola Hansen": "ordfører i Bø"}),
    ("Gunnar Skaar har bakgrunn fra skolen. Han er en erfaren prosessleder.", {"Gunnar Skaar": "prosessleder"}),
    # ... or a pronoun and the post the sentence names (`stillingen som`), however many words before it
    ("Kari Nordmann er 55 år. Hun har det siste året hatt permisjon fra stillingen som rådmann i Hobøl kommune.",
     {"Kari Nordmann": "rådmann i Hobøl kommune"}),
    ("Kari Nordmann er 55 år. Ho har sidan 2019 hatt stillinga som rådmann i Hobøl kommune.",
     {"Kari Nordmann": "rådmann i Hobøl kommune"}),  # nynorsk
    # another person's post: a name between stops the reach (the post is the one the nearer name has)
    ("Kari Nordmann ønsket Ola Hansen lykke til i jobben som rådmann.", {"Kari Nordmann": None, "Ola Hansen": "rådmann"}),
    ("– Me er nøgde, seier Kari Hope.\n\nHo er ordførar i Etne.", {"Kari Hope": "ordførar i Etne"}),
    ("– Vi er fornøyde, sier Ola Hansen. Hen er ordfører i Bø.", {"Ola Hansen": "ordfører i Bø"}),  # `hen`: anyone
    # the role written beside the name wins over one said later
    ("Ordfører Kari Nordmann kom. Hun er også leder i KS.", {"Kari Nordmann": "ordfører"}),
    # a pronoun after a sentence that names two people, or of the other gender, or no title: no role
    ("Kari Nordmann takket Ola Hansen. Hun er ordfører i Bø.", {"Kari Nordmann": None, "Ola Hansen": None}),
    ("– Vi er fornøyde, sier Kari Hansen. Han er ordfører i Bø.", {"Kari Hansen": None}),
    ("Ola Hansen kom. Han er glad for vedtaket.", {"Ola Hansen": None}),
    # a pronoun two sentences on refers to whoever the sentence between is about
    ("Ola Hansen kom. Vedtaket er viktig. Han er ordfører i Bø.", {"Ola Hansen": None}),
])
def test_a_title_said_in_a_later_sentence_by_surname_or_pronoun(text, roles):
    assert {p.name: p.role for p in people(text)} == roles


@pytest.mark.parametrize("text, role", [
    # occupations and offices of the sector and around it are titles (bokmål and nynorsk)
    ("– Det er viktig, sier byarkitekt Kari Nordmann.", "byarkitekt"),
    ("– Det er viktig, sier kommunerevisor Kari Nordmann.", "kommunerevisor"),
    ("– Det er viktig, seier kyrkjeverje Kari Nordmann.", "kyrkjeverje"),
    ("– Det er viktig, sier arealplanlegger Kari Nordmann i Bodø kommune.", "arealplanlegger i Bodø kommune"),
])
def test_occupations_of_the_sector_are_titles(text, role):
    assert [p.role for p in people("Innledning her.\n\n" + text)] == [role]


@pytest.mark.parametrize("text, role", [
    # a title for a list of fields right before the name: its commas end no clause (bokmål, nynorsk)
    ("Innlegget er skrevet av områdedirektør for forskning, innovasjon og digitalisering i KS Kari Nordmann.",
     "områdedirektør for forskning, innovasjon og digitalisering i KS"),
    ("Innlegget er skrive av direktør for oppvekst, kultur og utdanning i KS Kari Nordmann.",
     "direktør for oppvekst, kultur og utdanning i KS"),
    # a list of things before the name is no title's
    ("Vi snakket om skole, helse og omsorg med Kari Nordmann.", None),
])
def test_a_title_for_a_list_of_fields_before_the_name(text, role):
    assert [p.role for p in people(text)] == [role]


@pytest.mark.parametrize("text, role", [
    # a title between two dashes after the name (an apposition), bokmål and nynorsk
    ("Kari Nordmann – ordfører i Bodø – mener at saken er viktig.", "ordfører i Bodø"),
    ("Kari Nordmann – ordførar i Bodø – meiner at saka er viktig.", "ordførar i Bodø"),
    # what stands between the dashes is no title: no role
    ("Kari Nordmann – som alltid – mener at saken er viktig.", None),
])
def test_a_title_between_dashes_after_the_name(text, role):
    assert [p.role for p in people(text)] == [role]
