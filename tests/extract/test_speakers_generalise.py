"""Speakers on the phenomena the development articles under-represent (issue 17), bokmål and
nynorsk: two speakers in one attribution, a role noun for a person named before or after, a
pronoun for a person named after the last quote, reported speech before an unattributed quote,
an introduction ending in a colon without a speech verb, a pull quote with a bare name line,
a body as speaker (no person invented), and the gender of a surname-only speaker from the
pronoun of the next sentence."""

import pytest

from kslib.extract.attribution import find_quotes
from kslib.read.decode import normalise_text
from kslib.structure.paragraphs import classify


def quotes(text):
    """(speakers, source) of each quote: its speaker's name and any second speaker's."""
    units, _, _ = find_quotes(classify(normalise_text("Innledning her.\n\n" + text)))
    return [([u.speaker.name] if u.speaker else []) + [p.name for p in u.co_speakers] for u in units]


@pytest.mark.parametrize("text, expected", [
    # two speakers in one attribution: both quoted
    ("Fylkesordfører Kari Nordmann og ordfører Ola Hansen er enige.\n\n"
     "- Dette er et viktig vedtak, sier Nordmann og Hansen.", [["Kari Nordmann", "Ola Hansen"]]),
    ("- Dette er eit viktig vedtak, seier ordførar Kari Nordmann og rådmann Ola Hansen.",
     [["Kari Nordmann", "Ola Hansen"]]),
    # `og` that does not join two speakers
    ("- Dette er viktig, sier Kari Nordmann og legger til at Ola Hansen er enig.", [["Kari Nordmann"]]),
    ("- Vi må handle nå, sa styreleder Kari Nordmann i møte med klima- og miljøminister Ola Hansen.",
     [["Kari Nordmann"]]),
    # `sier de to`, `sier begge`: the two people the paragraph before names (bokmål and nynorsk)
    ("Fylkesordfører Kari Nordmann og ordfører Ola Hansen er enige.\n\n"
     "- Dette er et viktig vedtak, sier de to.", [["Kari Nordmann", "Ola Hansen"]]),
    ("Fylkesordførar Kari Nordmann og ordførar Ola Hansen er samde.\n\n"
     "- Dette er eit viktig vedtak, seier dei to.", [["Kari Nordmann", "Ola Hansen"]]),
    ("Fylkesordfører Kari Nordmann og ordfører Ola Hansen er enige.\n\n"
     "- Dette er et viktig vedtak, sier begge.", [["Kari Nordmann", "Ola Hansen"]]),
    # ... not when the paragraph before names one or three
    ("Fylkesordfører Kari Nordmann er enig.\n\n- Dette er et viktig vedtak, sier de to.", [[]]),
    ("Kari Nordmann, Ola Hansen og Per Olsen er enige.\n\n- Dette er et viktig vedtak, sier de to.", [[]]),
])
def test_joint_attributions(text, expected):
    assert quotes(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a role noun for the person with that title, named before ...
    ("Statsråd Anne Beathe Tvinnereim møtte ordførerne.\n\n- Vi skal lytte til kommunene, sa statsråden.",
     [["Anne Beathe Tvinnereim"]]),
    # ... or after, under another title of the same office (`resources/role_synonyms.tsv`)
    ("- Vi skal lytte til kommunene, sa statsråden.\n\n"
     "Det var kommunal- og distriktsminister Sigbjørn Gjelsvik som kom med lovnaden.", [["Sigbjørn Gjelsvik"]]),
    ("Rådmann Kari Nordmann la fram planen.\n\n- Vi må spare, seier kommunedirektøren.", [["Kari Nordmann"]]),
])
def test_a_role_noun_as_speaker(text, expected):
    assert quotes(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a person of that gender named after the last quote is who `sa hun` is
    ("Gunn Marit Helgesen, styreleder i KS, åpnet møtet.\n\n- Vi må ha mer penger, sa Helgesen.\n\n"
     "Jenny Følling, nestleder i KS, var også opptatt av naturen.\n\n- Det er mange hensyn å ta, sa hun.",
     [["Gunn Marit Helgesen"], ["Jenny Følling"]]),
    # nobody new named: the speaker before goes on
    ("Gunn Marit Helgesen, styreleiar i KS, opna møtet.\n\n- Vi må ha meir pengar, sa Helgesen.\n\n"
     "- Og vi må ha dei no, sa ho.", [["Gunn Marit Helgesen"], ["Gunn Marit Helgesen"]]),
])
def test_a_pronoun_after_a_newly_named_person(text, expected):
    assert quotes(text) == expected


@pytest.mark.parametrize("text, expected", [
    # reported speech right before an unattributed dash quote: that person goes on speaking
    ("Lisa Friborg, seniorrådgiver i KS Nord, forteller at mange kommuner ønsket en arena.\n\n"
     "- Vi har forsøkt å løfte erfaringer fra hele landet.", [["Lisa Friborg"]]),
    ("Kari Nordmann leier utvalet. Ho meiner at kommunane må få meir.\n\n- Vi har venta lenge nok.",
     [["Kari Nordmann"]]),
    ("I rapporten sier Kari Nordmann at kommunene må få mer.\n\n- Vi har ventet lenge nok.",
     [["Kari Nordmann"]]),
    # no speech verb: not reported speech
    ("Kari Nordmann var der. Rapporten viser at mange kommuner sliter.\n\n- Alle har gitt innspill.", [[]]),
    # a verb with a particle that is not there (`legger ... til`)
    ("Kari Nordmann var der. Derfor legger KS vekt på at innspill behandles politisk.\n\n"
     "- Alle har gitt innspill.", [[]]),
    # an introduction ending in a colon names one person, with no speech verb
    ("Kommunedirektør i Asker, Lars Bjerke ser frem til at kommunen blir med i nettverket:\n\n"
     "- Asker er en stor kommune og vi ser frem til å delta.", [["Lars Bjerke"]]),
    ("Kommunedirektør i Lillestrøm, Trine Wikstrøm gler seg til samarbeidet:\n\n"
     "- Vi ser verkeleg fram til å delta.", [["Trine Wikstrøm"]]),
])
def test_reported_speech_and_introductions(text, expected):
    assert quotes(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a pull quote the text does not repeat, with a bare name line: a quote of that person
    ("Bodø vant prisen.\n\n«Kommunen har vist vilje til å tenke nytt»\n\nKari Nordmann, ordfører",
     [["Kari Nordmann"]]),
    ("Tromsø vann.\n\n- Vi har jobba hardt for dette\n\nOla Hansen, rådmann\n\nPrisen vart delt ut i går.",
     [["Ola Hansen"]]),
    # ... and once only when it repeats a quote of the text
    ("Bodø vant prisen.\n\n«Kommunen har vist vilje til å tenke nytt»\n\nKari Nordmann\n\n"
     "- Kommunen har vist vilje til å tenke nytt, sier ordfører Kari Nordmann.", [["Kari Nordmann"]]),
])
def test_pull_quotes(text, expected):
    assert quotes(text) == expected


@pytest.mark.parametrize("text, source", [
    ("- Bodø har vist stort mot og vilje til å tenke nytt, sier juryen.", "juryen"),
    ("- Vi står saman om kravet, skriv styret i KS i fråsegna.", "styret i KS"),  # nynorsk
    ("- Dette er feil, mener KS.", "KS"),
    ("- Forslaget må trekkes, skriver utvalget.", "utvalget"),
])
def test_a_body_as_speaker_invents_no_person(text, source):
    units, people, _ = find_quotes(classify(normalise_text("Kari Nordmann er ordfører.\n\n"
                                                           "- Vi er glade, sier Nordmann.\n\n" + text)))
    assert [u.source for u in units] == [None, source]
    assert units[1].speaker is None and [p.name for p in people] == ["Kari Nordmann"]


def test_a_body_goes_on_speaking_in_the_next_dash_paragraph():
    text = "- Bodø har vist stort mot, sier juryen.\n\n- Og vi gratulerer kommunen."
    units, _, _ = find_quotes(classify(normalise_text("Innledning.\n\n" + text)))
    assert [(u.speaker, u.source) for u in units] == [(None, "juryen"), (None, "juryen")]


def test_a_joint_quote_is_a_row_for_each_speaker(tmp_path):
    from kslib.corpus import load_corpus

    (tmp_path / "a.txt").write_text("Vedtak i Bodø\n\nOrdfører Kari Nordmann og rådmann Ola Hansen var enige."
                                    "\n\n- Dette er et viktig vedtak, sier Nordmann og Hansen.", encoding="utf-8")
    c = load_corpus(tmp_path, cache=False)
    q = c.quotes.merge(c.people[["person_id", "name", "n_quotes"]], left_on="speaker_id", right_on="person_id")
    assert q["name"].tolist() == ["Kari Nordmann", "Ola Hansen"] and q["n_quotes"].tolist() == [1, 1]
    assert q["quote_id"].str.split(":").str[1].tolist() == ["q01", "q01-2"] and q["text"].nunique() == 1


def genders(text):
    """(name, gender, where the gender comes from) of each person in `text`."""
    _, people, _ = find_quotes(classify(normalise_text("Innledning her.\n\n" + text)))
    return [(p.name, p.gender, p.gender_source) for p in people]


@pytest.mark.parametrize("text, gender", [
    # a surname-only speaker: the pronoun that opens the next sentence gives the gender
    ("- Krisen sliter på organisasjonen, sier Bakkevold. Han tok opp saken med statsråden.", "M"),
    ("- Krisa slit på organisasjonen, seier Bakkevold. Ho tok opp saka med statsråden.", "F"),  # nynorsk
    # ... or the next paragraph, after a quote that ends its own
    ("- Krisen sliter på organisasjonen, sa Bakkevold.\n\nHun oppfordret departementet til å handle.", "F"),
    # no pronoun, pronouns that disagree, or another person between: the gender stays missing
    ("- Krisen sliter på organisasjonen, sier Bakkevold. Fylket vil ha mer.", None),
    ("- Krisen sliter, sier Bakkevold. Han svarte. - Det haster, sier Bakkevold. Hun svarte.", None),
])
def test_a_pronoun_gives_a_surname_only_speaker_a_gender(text, gender):
    assert genders(text) == [("Bakkevold", gender, "pronoun" if gender else None)]


def test_a_pronoun_after_another_person_gives_no_gender():
    found = dict((name, g) for name, g, _ in genders(
        "- Krisen sliter, sier Bakkevold.\n\nKari Nordmann takket Bakkevold. Hun tok opp saken."))
    assert found == {"Bakkevold": None, "Kari Nordmann": "F"}


@pytest.mark.parametrize("text, counts", [
    # a quote shown again with its attribution (a pull quote set inline) is not quoted twice
    ("Statsråd Kari Nordmann talte på konferansen.\n\n"
     "– Vi skal dele og gjenbruke mer offentlige data, og være opptatt av brukernes behov, sa statsråden.\n\n"
     "– Vi skal dele og gjenbruke mer offentlige data, sa statsråd Kari Nordmann\n\n"
     "Konferansen fortsatte.", {"Kari Nordmann": 1}),
    ("Statsråd Kari Nordmann talte på konferansen.\n\n"  # nynorsk
     "– Vi skal dele og bruke meir offentlege data, og vere opptekne av brukarane, sa statsråden.\n\n"
     "– Vi skal dele og bruke meir offentlege data, sa statsråd Kari Nordmann\n\n"
     "Konferansen heldt fram.", {"Kari Nordmann": 1}),
    # the same words from another speaker, or a short answer said twice, are quotes of their own
    ("Ordfører Kari Nordmann og rådmann Ola Hansen var enige.\n\n"
     "– Vi må bygge flere sykehjemsplasser i kommunen, sa Nordmann.\n\n"
     "– Vi må bygge flere sykehjemsplasser i kommunen, sa Hansen.", {"Kari Nordmann": 1, "Ola Hansen": 1}),
    ("Ordfører Kari Nordmann svarte på spørsmål.\n\n– Ja, det gjør vi, sa Nordmann.\n\n"
     "– Ja, det gjør vi, gjentok Nordmann.", {"Kari Nordmann": 2}),
])
def test_a_quote_shown_again_is_counted_once(text, counts):
    _, people, _ = find_quotes(classify(normalise_text(text)))
    assert {p.name: p.n_quotes for p in people if p.n_quotes} == counts


@pytest.mark.parametrize("text", [
    # a long title before the name, closed by a comma (an apposition)
    "– Det krever at vi har tillit til hverandre, sa direktør for forskning, innovasjon og digitalisering i KS, "
    "Kari Nordmann.",
    "– Det krev at vi har tillit til kvarandre, sa direktør for forsking, innovasjon og digitalisering i KS, "
    "Kari Nordmann.",  # nynorsk
])
def test_a_speaker_named_after_a_long_title(text):
    units, people, _ = find_quotes(classify(normalise_text("Innledning her.\n\n" + text)))
    assert [u.speaker.name for u in units] == ["Kari Nordmann"]
    assert people[0].role.startswith("direktør for forsk")


@pytest.mark.parametrize("text, role", [
    # a title for an organisation whose name is capitalised words, then a comma and the name
    ("– Det er et stort problem, forteller daglig leder i Visit Hitra, Ola Nordmann.", "daglig leder i Visit Hitra"),
    ("– Det er eit stort problem, fortel dagleg leiar i Visit Hitra, Ola Nordmann.", "dagleg leiar i Visit Hitra"),
    ("– Det er viktig, sier styreleder i Norsk Vann, Kari Nordmann.", "styreleder i Norsk Vann"),
])
def test_a_speaker_named_after_a_title_of_a_capitalised_organisation(text, role):
    units, people, _ = find_quotes(classify(normalise_text("Innledning her.\n\n" + text)))
    assert [u.speaker.name for u in units] == [p.name for p in people] == [text.split(", ")[-1].rstrip(".")]
    assert people[0].role == role


def test_a_long_lead_that_is_no_title_names_no_speaker():
    text = "– Det krever tillit, sa hun til de mange fremmøtte fra kommunene i Agder og Rogaland, Kari Nordmann."
    assert quotes(text) == [[]]


@pytest.mark.parametrize("text", [
    # `følge opp` with the pronoun between verb and particle, bokmål and nynorsk
    # (after a heading, so the quote does not just go on from the one before)
    "Ordfører Kari Nordmann møtte statsråden.\n\n– Dette er alvorlig, sa Nordmann.\n\nStyrke politiet\n\n"
    "– Politiet må styrkes, fulgte hun opp.",
    "Ordførar Kari Nordmann møtte statsråden.\n\n– Dette er alvorleg, sa Nordmann.\n\nStyrkje politiet\n\n"
    "– Politiet må styrkjast, fylgde ho opp.",
])
def test_a_particle_verb_attributes_with_its_particle(text):
    assert quotes(text) == [["Kari Nordmann"], ["Kari Nordmann"]]


def test_a_particle_verb_without_its_particle_is_no_cue():
    """`det følger med en undersak med tittelen: «...»` is a title, not speech."""
    text = "Avisen hadde en sak, og det følger med en undersak med den litt merkelige tittelen: «KS ønsker ikke å forplikte seg»."
    assert quotes(text) == []


@pytest.mark.parametrize("text, expected", [
    # a surname misspelt by one letter is the one person named in full with that surname
    ("Ordfører Gry Fuglestveit åpnet huset.\n\n– Vi fikk bygget et nytt kulturhus, sa Fuglestvei",
     [["Gry Fuglestveit"]]),
    ("Ordførar Gry Fuglestveit opna huset.\n\n– Vi fekk bygd eit nytt kulturhus, sa Fuglestvei",  # nynorsk
     [["Gry Fuglestveit"]]),
    # two who fit, or a short surname: no guess
    ("Kari Fuglestveit og Ola Fuglestvein møttes.\n\n– Vi fikk bygget et nytt kulturhus, sa Fuglestvei",
     [["Fuglestvei"]]),
    ("Ordfører Gry Moen åpnet huset.\n\n– Vi fikk bygget et nytt kulturhus, sa Mon", [["Mon"]]),
])
def test_a_misspelt_surname_is_the_person_it_misspells(text, expected):
    assert quotes(text) == expected


@pytest.mark.parametrize("text, quote", [
    # a cue in the middle of the quoted sentence: the quote keeps both halves
    ("– Vi må, sier ordfører Kari Nordmann, satse mer på skolen i årene som kommer.",
     "Vi må satse mer på skolen i årene som kommer."),
    ("– Vi må, seier ordførar Kari Nordmann, satse meir på skulen i åra som kjem.",  # nynorsk
     "Vi må satse meir på skulen i åra som kjem."),
    # a title or the narrative after the name is no part of the quote
    ("– Vi må satse, sier Kari Nordmann, ordfører i Lier.", "Vi må satse."),
    ("– Vi må satse, sa Kari Nordmann, og viste til et vellykket prosjekt.", "Vi må satse."),
    ("– Vi må satse, sier Kari Nordmann, daglig leder i Lier Energi.", "Vi må satse."),
])
def test_a_cue_in_the_middle_of_a_sentence(text, quote):
    units, _, _ = find_quotes(classify(normalise_text("Innledning her.\n\n" + text)))
    assert [(u.speaker.name, u.text) for u in units] == [("Kari Nordmann", quote)]


@pytest.mark.parametrize("text, quote", [
    # a «» sentence the attribution splits in two is one quote with both halves
    ("«Vi må satse mer på skolen», sier ordfører Kari Nordmann, «for det er viktig for alle barna».",
     "Vi må satse mer på skolen for det er viktig for alle barna"),
    ("«Vi må satse meir på skulen», seier ordførar Kari Nordmann, «for det er viktig for alle borna».",  # nn
     "Vi må satse meir på skulen for det er viktig for alle borna"),
])
def test_a_guillemet_sentence_split_by_its_attribution(text, quote):
    units, _, _ = find_quotes(classify(normalise_text("Innledning her.\n\n" + text)))
    assert [(u.speaker.name, u.text) for u in units] == [("Kari Nordmann", quote)]


def test_two_guillemet_sentences_stay_two_quotes():
    text = ("«Vi må satse mer på skolen», sier ordfører Kari Nordmann. "
            "«Det er viktig for alle barna våre i kommunen», legger hun til.")
    assert quotes(text) == [["Kari Nordmann"], ["Kari Nordmann"]]


@pytest.mark.parametrize("text, expected", [
    # a pronoun after the sentence that names the person, in the same paragraph (bokmål, nynorsk)
    ("Ordfører Kari Hansen mener samarbeidet har vært viktig. «Vi har fått til mye», sier hun.",
     [["Kari Hansen"]]),
    ("Ordførar Kari Hansen meiner samarbeidet har vore viktig. «Vi har fått til mykje», seier ho.",
     [["Kari Hansen"]]),
])
def test_a_pronoun_after_a_person_named_earlier_in_the_paragraph(text, expected):
    assert quotes(text) == expected


@pytest.mark.parametrize("text, quote", [
    # a sentence about the speaker after the attribution is no part of the quote
    ("– Vi er fornøyde, sier Ola Hansen. Han er ordfører i Bø.", "Vi er fornøyde."),
    ("– Me er nøgde, seier Kari Hope. Ho er ordførar i Etne.", "Me er nøgde."),  # nynorsk
    # a new dash after it is the quote going on
    ("– Vi er fornøyde, sier Ola Hansen. – Dette har vi jobbet for.", "Vi er fornøyde. – Dette har vi jobbet for."),
    ("– Vi er fornøyde, sier Ola Hansen. Han tok opp saken. – Den er viktig.",
     "Vi er fornøyde. – Den er viktig."),
    # a name in guillemets that ends the quote keeps its closing guillemet
    ("– Vi kaller det «grønt skifte», sier Ola Hansen.", "Vi kaller det «grønt skifte»"),
])
def test_a_sentence_about_the_speaker_ends_the_quote(text, quote):
    units, _, _ = find_quotes(classify(normalise_text("Innledning her.\n\n" + text)))
    assert [u.text for u in units] == [quote]


@pytest.mark.parametrize("text", [
    # verbs of warning, sighing, giving reasons, calling for, replying and admitting, bokmål and nynorsk
    "– Det blir dyrt, varsler Kari Nordmann.",
    "– Det blir dyrt, varslar Kari Nordmann.",
    "– Det er leit, beklager Kari Nordmann.",
    "– Vi må ha mer penger, etterlyser Kari Nordmann.",
    "– Vi tok feil, vedgikk Kari Nordmann.",
    "– Vi tok feil, vedgjekk Kari Nordmann.",
    "– Det er fordi vi mangler folk, begrunner Kari Nordmann.",
    "– Og det er bra, føyer Kari Nordmann til.",
])
def test_more_verbs_of_speech_attribute(text):
    assert quotes(text) == [["Kari Nordmann"]]
