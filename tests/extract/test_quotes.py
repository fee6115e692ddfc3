"""Attribution of direct quotes, bokmål and nynorsk: (text, expected speakers) tables."""

import pytest

from kslib.extract.attribution import find_quotes
from kslib.read.decode import normalise_text
from kslib.structure.paragraphs import classify


def run(text):
    units, people, _ = find_quotes(classify(normalise_text(text)))
    return units, {p.local_id: p for p in people}


def speakers(text):
    units, _ = run(text)
    return [u.speaker.name if u.speaker else None for u in units]


CASES = [
    # after the quote, full name, role after
    ("- Vi må satse på skolen, sier Helge Eide, områdedirektør i KS.", ["Helge Eide"]),
    # en dash, no-break space, role before the name
    ("–\u00a0Det er flott å være her, sier Drammens rådmann Trond Julin etter møtet.", ["Trond Julin"]),
    # no space after the dash
    ("-Dette er en viktig dag for Gol, sier ordfører Heidi Granli.", ["Heidi Granli"]),
    # role, comma, name
    ("– Konferansen var nyttig, sier KS nyvalgte nestleder, Aud Hove.", ["Aud Hove"]),
    # other cue verbs
    ("- Vi trenger flere hender i omsorgen, understreker Tor Arne Gangsø.", ["Tor Arne Gangsø"]),
    ("- Vi trenger flere hender, påpeker Tor Arne Gangsø.", ["Tor Arne Gangsø"]),
    ("- Dette tar vi med oss, forteller Inger Lysa.", ["Inger Lysa"]),
    ("- Og det er viktig, legger Inger Lysa til.", ["Inger Lysa"]),
    ("- Vi er klare, uttaler Geir Runar Johannessen.", ["Geir Runar Johannessen"]),
    # nynorsk
    ("- Det ligg eit godt grunnlag her, meinte fylkesstyreleiar Jostein Ljones.", ["Jostein Ljones"]),
    ("– Politikarar må koplast på tidleg, sa Martin Skramstad.", ["Martin Skramstad"]),
    ("Statsråd Kjersti Toppe var til stades.\n\n- Barnevernet er viktig, seier ho.", ["Kjersti Toppe"]),
    ("Ordførar Ola Bakke opna møtet.\n\n- Me er glade, fortel han.", ["Ola Bakke"]),
    ("Leiar Åse Li tala.\n\n- Dette er viktig, understrekar Åse Li.", ["Åse Li"]),
    # surname and first name later in the article
    ("Tor Arne Gangsø kom.\n\n- Det er én kake å fordele, sa Gangsø da han besøkte oss.", ["Tor Arne Gangsø"]),
    ("Jan Erik Innvær blir stabsdirektør.\n\n- En spennende mulighet, sier Jan Erik.", ["Jan Erik Innvær"]),
    # pronoun
    ("Regiondirektør Inger Lysa åpnet.\n\n- Vi er klare for høsten, sier hun.", ["Inger Lysa"]),
    # the gender-neutral `hen` refers back to a person of any gender
    ("Rådgiver Kim Lie åpnet.\n\n- Vi er klare for høsten, sier hen.", ["Kim Lie"]),
    ("Ordfører Kari Nordmann talte.\n\n– Dette er bra, sier hun.\n\nRådgiver Ola Hansen var også der.\n\n"
     "– Vi er glade, sier hen.", ["Kari Nordmann", "Ola Hansen"]),
    # a role the article resolves
    ("KS’ styreleder Bjørn Arild Gram møtte statsråden.\n\n- Reformen må finansieres, sier KS’ styreleder.",
     ["Bjørn Arild Gram"]),
    ("Statsråd Sigbjørn Gjelsvik kom til møtet.\n\n- Vi lytter til kommunene, sa statsråden.", ["Sigbjørn Gjelsvik"]),
    # guillemets with attribution after, and `Dette sier X` in the next paragraph
    ("«Vi er glad for avtalen og samarbeidet», sier Lasse Hansen.", ["Lasse Hansen"]),
    ("«Godt lederskap og et godt samspill er avgjørende for tilliten»\n\n"
     "Dette sier Hugo Thode Hansen, styreleder i Norsk Rådmannsforum.", ["Hugo Thode Hansen"]),
    # a short «» quote that opens its paragraph, its speaker right after (bokmål and nynorsk)
    ("«Dette er historisk», sa Lasse Hansen.", ["Lasse Hansen"]),
    ("«Nei», seier ordførar Ola Bakke.", ["Ola Bakke"]),
    # introduction ending in a colon
    ("Hugo Thode Hansen tilføyer:\n\n«Vi er svært glade for at det nå er inngått en avtale.»", ["Hugo Thode Hansen"]),
    ("Administrerende direktør i KS, Lasse Hansen, uttaler:\n\nFoto: KS\n\n- Jeg er glad for samarbeidet med forumet.",
     ["Lasse Hansen"]),
    # attribution line after a dash quote
    ("- Vi ser på dette som en god løsning for KS\n\nsier områdedirektør Geir Runar Johannessen", ["Geir Runar Johannessen"]),
    # a «» span over several paragraphs is one quote
    ("Lasse Hansen uttaler:\n\n«Jeg er glad for at vi styrker samarbeidet.\n\nVi står overfor store endringer.»",
     ["Lasse Hansen"]),
    # a surname the article never wrote in full
    ("– Lokalvalget blir viktig for alle, sa Hartviksen.", ["Hartviksen"]),
    # ... or a first name alone, also with an age or a party in brackets after it
    ("– Vi vil bli hørt, sier Emma (17).", ["Emma"]),
    ("– Lokalvalget blir viktig for alle, sa Hartviksen (Ap).", ["Hartviksen"]),
    # names in any Latin letters: Sami, Polish, Turkish
    ("– Dette er viktig for reindrifta, sier Máret Ánne Sara.", ["Máret Ánne Sara"]),
    ("– Vi er glade, sier Łukasz Kowalski, leder i foreningen.", ["Łukasz Kowalski"]),
    ("– Det går bra, seier Çiğdem Şahin.", ["Çiğdem Şahin"]),
    # verbs of demanding, claiming and confirming are speech verbs too (bokmål and nynorsk)
    ("– Vi må ha mer penger, krever KS-leder Gunn Marit Helgesen.", ["Gunn Marit Helgesen"]),
    ("– Vi må ha meir pengar, krev ordførar Kari Nordmann.", ["Kari Nordmann"]),
    ("– Ja, det stemmer, bekrefter rådmann Ola Hansen.", ["Ola Hansen"]),
    ("– Avtalen er god, hevdar fylkesordførar Kari Nordmann.", ["Kari Nordmann"]),
    # verbs of adding, summing up, assuring and stating are speech verbs too: the quote is not the
    # speaker's before it going on (bokmål and nynorsk)
    ("Ordfører Nils Berg og varaordfører Lene Moe ble valgt.\n\n– Jeg gleder meg, sier Moe.\n\n"
     "– Det blir spennende, supplerer Berg.", ["Lene Moe", "Nils Berg"]),
    ("– Vi held fram, supplerte ordførar Kari Nordmann.", ["Kari Nordmann"]),
    ("– Avtalen står seg, fastslår rådmann Ola Hansen.", ["Ola Hansen"]),
    ("– Dette er et vendepunkt, erklærer fylkesordfører Kari Nordmann.", ["Kari Nordmann"]),
    ("– Alt i alt et godt år, oppsummerer Kari Nordmann.", ["Kari Nordmann"]),
    ("– Pengene kommer, forsikrer statsråd Ola Hansen.", ["Ola Hansen"]),
    ("– Vi må spare, gjentok rådmann Ola Hansen.", ["Ola Hansen"]),
    # `Det sier X` as the quote paragraph's own last sentence, as it is written as a line of its own
    ("– Dette løser mye. Det sier Per Olsen, daglig leder i Bedrift AS.", ["Per Olsen"]),
    ("– Dette løyser mykje. Dette seier Kari Nordmann til KS.", ["Kari Nordmann"]),  # nynorsk
    ("«Dette løser mye.» Det mener Per Olsen.", ["Per Olsen"]),
    # ... but not the idiom `det sier seg selv`
    ("– Vi må spare. Det sier seg selv at det blir vanskelig.", [None]),
]


@pytest.mark.parametrize("text, expected", CASES)
def test_attribution(text, expected):
    assert speakers(text) == expected


def test_continuation_across_a_short_bridge_but_not_a_heading():
    text = ("- For oss er det viktig å lytte, sier Helge Eide.\n"
            "- Så kan vi tolke det.\n\n"
            "Eide mener Drammen er en høykompetent organisasjon.\n\n"
            "- Her har vi en god kommune.\n\n"
            "Nytt tema\n\n"
            "- Dette er et sitat uten kilde.")
    assert speakers(text) == ["Helge Eide", "Helge Eide", "Helge Eide", None]


def test_an_interviewers_question_is_not_the_speakers():
    text = ("- Vi konkurrerer om de samme folkene, sier ordfører Odd Emil Ingebrigtsen.\n\n"
            "- Hva gjør dere for å løse dette?\n\n"
            "- Vi satser på lærlinger, svarer han.")
    assert speakers(text) == ["Odd Emil Ingebrigtsen", None, "Odd Emil Ingebrigtsen"]


def test_same_surname_resolves_to_the_nearest_full_name():
    text = ("Ordfører Tore Opdal Hansen ønsket velkommen før Lasse Hansen, direktør i KS, holdt innlegg.\n\n"
            "- Vi må samarbeide, sier Hansen.\n\n"
            "Hugo Thode Hansen, styreleder i forumet, var også der.\n\n"
            "- Vi er glade, sier Hansen.")
    assert speakers(text) == ["Lasse Hansen", "Hugo Thode Hansen"]


@pytest.mark.parametrize(
    "text",
    [
        "Debattheftet «KS spør» er sendt til alle kommuner.",  # a title
        "Hun kaller det «historisk», sier Lasse Hansen.",  # a short span inside a sentence: a word quoted
        "Prosjektet «Ung og innafor» er i gang i Viken.",  # a programme name
        "Loven sier at kommunen skal «sørge for nødvendige helse- og omsorgstjenester» til alle.",  # statute
        "  • - Klima og miljø\n  • Tillitsreformen",  # list items
        # a pull quote that repeats a quote of the text is not a second quote
        # (a pull quote the text does not repeat is a quote: test_speakers_generalise.py)
        "Ordføreren sa at vi må satse på de unge i distriktene.\n\n«Vi må satse på de unge i distriktene»"
        "\n\nKari Nordmann, ordfører i Gol",
        "«Kommunesektorens politiske prioriteringer 2024-2027» er det viktigste dokumentet.",  # a title
        "Vi må satse på de unge, sa hun.\n\n- Vi må satse på de unge\n\nKari Nordmann, ordfører i Gol",
        # a report's title after a colon, the sentence going on after it
        "Prosjektet bygger på FoU-prosjekt: «Kartlegging av kostnader knyttet til e-helse i norske kommuner» "
        "(2022), og skal videreutvikle modellen.",
        "Prosjektet byggjer på FoU-prosjektet: «Kartlegging av kostnader knytt til e-helse i norske kommunar» "
        "og skal vidareutvikle modellen.",  # nynorsk
    ],
)
def test_not_quotes(text):
    assert speakers(f"Innledning her.\n\n{text}") == []


def test_teaser_headline_is_not_a_quote():
    text = "- Vi må satse mer på skolen\n\nOrdfører Kari Nordmann åpnet møtet i går.\n\n- Det er viktig, sier hun."
    assert speakers(text) == ["Kari Nordmann"]


@pytest.mark.parametrize("text", [
    "Anmodningsmerknad fra Stortinget: «Komiteen vil understreke at kommunene skal kompenseres for skattesvikten».",
    "Merknad frå Stortinget: «Komiteen vil understreke at kommunane skal kompenserast for skattesvikten».",
])
def test_a_statement_after_a_colon_is_a_quote_without_a_speaker(text):
    assert speakers(f"Innledning her.\n\n{text}") == [None]


def test_unattributed_quote_is_kept_without_inventing_a_speaker():
    assert speakers("Det ble sagt mye på møtet i går.\n\n- Vi gir oss ikke nå.") == [None]


def test_hen_gives_no_gender():
    _, people = run("Rådgiver Zorbi Rypdal åpnet møtet.\n\n- Vi er glade for dette, sier hen. Hen takket alle.")
    assert [(p.name, p.gender) for p in people.values()] == [("Zorbi Rypdal", None)]


def test_quote_text_excludes_the_attribution():
    units, _ = run("- Det er flott å være her. Og vi lærer mye, sier Trond Julin etter møtet. Vi kommer igjen.")
    assert units[0].text == "Det er flott å være her. Og vi lærer mye. Vi kommer igjen."
    assert units[0].cue == "sier" and units[0].attribution == "sier Trond Julin etter møtet."


def test_an_attribution_sentence_is_no_part_of_the_quote():
    units, _ = run("– Dette løser mye. Det sier Per Olsen, daglig leder i Bedrift AS.")
    assert units[0].text == "Dette løser mye." and units[0].cue == "sier"


def test_cue_words_that_are_stop_words_still_attribute():
    """spaCy's nb stop words hold sier, sa, mener: attribution must not depend on stop-word removal."""
    assert speakers("- Det er viktig, mener Kari Nordmann.") == ["Kari Nordmann"]


def test_seed_speakers_and_quote_counts(seeds):
    people = seeds.people.merge(seeds.articles[["article_id", "file"]])
    quoted = people[people["quoted"]]
    got = sorted(zip(quoted["file"].str[:3], quoted["name"], quoted["n_quotes"]))
    assert got == [
        ("000", "Helge Eide", 3), ("000", "Trond Julin", 2),
        ("002", "Hugo Thode Hansen", 2), ("002", "Lasse Hansen", 2),
        ("003", "Aud Hove", 2), ("003", "Tor Arne Gangsø", 2), ("003", "Trond Lesjø", 1),
        ("004", "Geir Runar Johannessen", 2), ("004", "Tor Arne Gangsø", 1),
    ]
    # every speaker_id refers to a person of the same article
    q = seeds.quotes.dropna(subset=["speaker_id"])
    assert set(q["speaker_id"]) <= set(seeds.people["person_id"])


@pytest.mark.parametrize(
    "text, expected",
    [
        ('Tor Arne Gangsø er direktør i KS.\n\n"Det er avgjørende å finne gode løsninger på dette", sier Gangsø.',
         ["Tor Arne Gangsø"]),
        ("“Vi må satse mer på skulen no”, seier ordførar Kari Nordmann.", ["Kari Nordmann"]),  # nynorsk, curly
        ("”Vi må satse mer på skolen nå”, sa ordfører Kari Nordmann.", ["Kari Nordmann"]),  # ” for both
        # a title or a name in double quotes is no quote, nor a double quote that no cue follows
        ('"Leve hele livet" er en reform som Kari Nordmann liker godt.', []),
        ('"Vi må satse mer på skolen nå" står det på plakaten til Kari Nordmann.', []),
    ],
)
def test_a_quote_in_double_quotes(text, expected):
    """Web pages often write "..." or “...” for «...»: a paragraph opening with a double quote
    closed before a cue verb is a quote."""
    assert speakers(text) == expected


def test_double_quotes_read_as_guillemets_keep_every_offset():
    from kslib.extract.quotes import as_guillemets

    text = '"Vi må satse", sier Kari Nordmann.'
    assert as_guillemets(text) == "«Vi må satse», sier Kari Nordmann."
    assert len(as_guillemets(text)) == len(text)
    assert as_guillemets("Kari sa «ja». \"Nei\", sier han.") == "Kari sa «ja». \"Nei\", sier han."


@pytest.mark.parametrize(
    "text, expected",
    [
        # a list announced by its line: its items are no quotes, however long
        ("Før dere setter i gang, er det verdt å merke seg følgende:\n\n"
         "- Innovasjonsprosesser er aldri lineære. Uforutsette faktorer kan dukke opp underveis.\n\n"
         "- Mange aktiviteter gjentas hele veien gjennom prosjektet, frå start til slutt.", []),
        ("Før de set i gang, er det verdt å merke seg fylgjande:\n\n"  # nynorsk
         "- Innovasjonsprosessar er aldri lineære. Uventa faktorar kan dukke opp undervegs.", []),
        # ... but an item attributed itself is a quote, and so is a quote a cue verb introduces
        ("KS mener blant annet:\n\n- Kommunene trenger mer frihet i arbeidet, sier Kari Nordmann.",
         ["Kari Nordmann"]),
        ("Kari Nordmann sier følgende:\n\n- Kommunene trenger mer frihet i arbeidet med dette.", ["Kari Nordmann"]),
    ],
)
def test_dash_items_of_an_announced_list_are_no_quotes(text, expected):
    assert speakers(text) == expected


def test_a_first_name_alone_gives_its_gender():
    _, people = run("– Vi vil bli hørt, sier Emma.\n\n– Vi òg, seier Jonas.")
    assert [(p.name, p.gender) for p in people.values()] == [("Emma", "F"), ("Jonas", "M")]
