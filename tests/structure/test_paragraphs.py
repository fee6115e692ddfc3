"""Paragraph kinds and sentences, on Norwegian text written here and on the seeds."""

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kslib.read.decode import normalise_text
from kslib.structure.paragraphs import classify
from kslib.structure.sentences import split_sentences


def kinds(text):
    return [(p.kind, p.text) for p in classify(normalise_text(text))]


@pytest.mark.parametrize(
    "line, kind",
    [
        ("- Dette er viktig for kommunene, sier Eide.", "quote"),
        ("– Dette er viktig for kommunene, sier Eide.", "quote"),
        ("—Dette er viktig, seier ho.", "quote"),
        ("-Dette er viktig for oss, sier hun.", "quote"),
        ("-\u00a0Her har vi en god kommune, sier Eide.", "quote"),
        ("«Godt lederskap er avgjørende for tilliten i kommunen»", "quote"),
        ("Foto: KS", "photo_credit"),
        ("Foto:KS", "photo_credit"),
        ("Illustrasjonsfoto: Colourbox", "photo_credit"),  # `foto` ending a compound
        ("Arkivfoto: NTB", "photo_credit"),
        ("Ordfører Kari Nordmann på befaring. Pressefoto: Bodø kommune", "caption"),
        ("BILDE: Rådmann Trond Julin i bystyresalen.", "caption"),
        ("Fortsett å lese", "boilerplate"),
        ("ForrigeNeste", "boilerplate"),
        ("Til hovedinnhold", "boilerplate"),
        ("Lenkeblokk Icon Program og påmelding", "boilerplate"),
        ("Bilde uten beskrivelse", "boilerplate"),
        ("Endret: 27.04.2023", "boilerplate"),  # a page's date lines are no headline
        ("Sist endret: 02.11.2023 10:15", "boilerplate"),
        ("KONTAKT", "boilerplate"),
        ("Artikler", "boilerplate"),
        ("Se også: Informasjon om koronasituasjonen", "boilerplate"),
        ("Tor Arne Gangsø - Mellomoppgjøret 2023.pdf", "boilerplate"),
        ("Landstinget 2024Foto: KS", "caption"),
    ],
)
def test_single_line_kinds(line, kind):
    text = f"Innledning om noe som skjedde i kommunen i går.\n\n{line}\n\nMer tekst om saken her."
    assert kinds(text)[1] == (kind, normalise_text(line))


def test_title_heading_and_body():
    text = ("Avtale mellom KS og Norsk Rådmannsforum\n\nKS har inngått en avtale med forumet.\n\n"
            "Mye felles\n\nDe to organisasjonene har mye til felles.")
    assert [k for k, _ in kinds(text)] == ["title", "body", "heading", "body"]


def test_a_question_can_be_a_title():
    assert kinds("Hva betyr KI for kommunene?\n\nKunstig intelligens endrer arbeidet.")[0][0] == "title"


def test_a_date_line_before_the_text_is_not_its_title():
    from kslib.structure.paragraphs import find_title

    paragraphs = classify(normalise_text("Publisert: 07.09.2022\n\nEndret: 27.04.2023\n\nASSS-samarbeidet utvides "
                                         "når Asker og Lillestrøm blir med i nettverket av de største kommunene."))
    assert find_title(paragraphs) is None


def test_first_line_with_final_period_is_not_a_title():
    assert kinds("Kommunene får mer penger.\n\nDet sa statsråden i dag.")[0][0] == "body"


def test_bullets_with_dots_and_dash_lists():
    text = ("Temaene var:\n\n  • Klima og miljø\n  • Tillitsreformen\n\n"
            "Deltakerne:\n- Ordfører i Gol\n- Rådmann i Ål\n- Leder i KS")
    got = [k for k, _ in kinds(text)]
    assert got == ["body", "bullet", "bullet", "body", "bullet", "bullet", "bullet"]


def test_consecutive_dash_quotes_are_quotes_not_bullets():
    text = ("Innledning.\n\n- For oss er det interessant å høre hva som er viktig, sier Helge Eide.\n"
            "- Så kan vi tolke det og se hva vi kan gjøre.")
    assert [k for k, _ in kinds(text)][1:] == ["quote", "quote"]


def test_captions_next_to_photo_lines():
    text = ("Brødtekst om konferansen i Viken med mange deltakere.\n\n"
            "Daniel Martinsen, fylkesleder i elevorganisasjonen\nFoto: KS\n\n"
            "Leder av Ungdommens Fylkesting, Elisabeth Volungholen Foto: KS\n\nMer brødtekst her.")
    assert [k for k, _ in kinds(text)] == ["body", "caption", "photo_credit", "caption", "body"]


def test_long_text_after_photo_stays_body():
    """Body text is never lost: a long paragraph after a photo credit is body, not caption."""
    long = "Ingjerd Thon Hagaset snakket om Ung Inkludering i Kongsvingerregionen. " * 4
    assert kinds(f"Start.\n\nFoto: KS\n\n{long}")[2][0] == "body"


def test_hard_wrapped_lines_are_joined():
    text = ("Kommunestyret i Drammen vedtok i går kveld en ny plan for\n"
            "kommunens økonomi de neste fire årene.\n\nNeste avsnitt.")
    assert len(classify(normalise_text(text))) == 2


@pytest.mark.parametrize(
    "paragraph, sentences",
    [
        ("Det var bra. Det var godt.", ["Det var bra.", "Det var godt."]),
        ("Møtet er 1. mai 2021. Alle kommer.", ["Møtet er 1. mai 2021.", "Alle kommer."]),
        ("Han sa bl.a. at KS er viktig. Det er sant.", ["Han sa bl.a. at KS er viktig.", "Det er sant."]),
        ("- Vi er glade. Det er en god dag, sier Hove.", ["- Vi er glade.", "Det er en god dag, sier Hove."]),
        ("Lasse Hansen, adm.dir. KS, var der. Godt.", ["Lasse Hansen, adm.dir. KS, var der.", "Godt."]),
        ("Er det mulig? Ja! Kanskje…", ["Er det mulig?", "Ja!", "Kanskje…"]),
        # a sentence may start with any Latin capital (Sami, Polish)
        ("Møtet var bra. Ánde Somby sang. Łukasz Kowalski talte.",
         ["Møtet var bra.", "Ánde Somby sang.", "Łukasz Kowalski talte."]),
    ],
)
def test_split_sentences(paragraph, sentences):
    assert split_sentences(paragraph) == sentences


def test_seed_paragraph_kinds(seeds):
    p = seeds.paragraphs.merge(seeds.articles[["article_id", "file"]])

    def of(prefix, kind):
        return p[p["file"].str.startswith(prefix) & (p["kind"] == kind)]["text"].tolist()

    assert of("002", "title") == ["Avtale mellom KS og Norsk Rådmannsforum"]
    assert of("002", "boilerplate") == ["Fortsett å lese", "ForrigeNeste"]
    assert of("000", "bullet")[0].startswith("• Kommuneøkonomi og lokaldemokrati")
    assert len(of("000", "bullet")) == 5
    assert of("004", "caption") == ["Daniel Aluka, leder Viken av Viken ungdomsråd",
                                    "Daniel Martinsen, fylkesleder elevorganisasjonen i Viken",
                                    "Kari Anne Sand, fungerende Fylkesstyreleder"]
    assert of("004", "photo_credit") == ["Foto:KS", "Foto: KS", "Foto: KS"]
    assert len(of("000", "quote")) == 5
    assert of("000", "heading") == ["Mye felles", "Gruppesamtaler"]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=400))
def test_classify_never_raises_and_loses_no_characters(text):
    norm = normalise_text(text)
    paragraphs = classify(norm)
    joined = "".join(p.text for p in paragraphs)
    assert re.sub(r"\s", "", joined) == re.sub(r"\s", "", norm)
    for p in paragraphs:
        split_sentences(p.text)


@pytest.mark.parametrize("caption", [
    "Fylkeskommunene driver viktig forebyggende arbeid innen tannhelse. Foto: Hege K. Fosser Pedersen",
    "Fylkeskommunane driv viktig førebyggjande arbeid innan tannhelse. Foto: Hege K. Fosser Pedersen",  # nn
])
def test_a_credit_with_an_initial_makes_a_caption_and_leaves_the_title(caption):
    """A photo credit whose name has an initial (`Hege K. Fosser Pedersen`) still ends a caption, so
    the headline above the caption is the title."""
    paragraphs = classify("Fylkeskommunene beholder tannhelsetjenesten\n" + caption
                          + "\n\nFylkeskommunene beholder tannhelsetjenesten\n\nStortinget går inn for det.")
    assert [p.kind for p in paragraphs][:2] == ["title", "caption"]
    # a sentence after the credit is no credit
    assert classify("Foto: Kari Nordmann. Hun talte lenge.\n\nMer tekst her.")[0].kind != "caption"


@pytest.mark.parametrize("text", [
    "Avtalen regulerer følgende områder:\n\n- Digitalisering i NAV-kontoret\n\n"
    "- Tilgjengelige tjenester og forebyggende arbeid\n\n- Arenaer for å styrke partnerskapet\n\nMer tekst her.",
    "Avtalen regulerer desse områda:\n\n- Digitalisering i NAV-kontoret\n\n"  # nynorsk
    "- Tilgjengelege tenester og førebyggjande arbeid\n\n- Arenaer for å styrkje partnarskapet\n\nMeir tekst her.",
])
def test_dash_paragraphs_after_a_colon_are_a_list(text):
    """Short dash lines without a final stop, each a paragraph of its own after a line ending in ':',
    are list items, not quotes."""
    assert [p.kind for p in classify(text)][1:4] == ["bullet"] * 3


def test_dash_quotes_after_a_colon_stay_quotes():
    text = ("Ordføreren sa dette:\n\n- Vi må bygge flere sykehjem i kommunen.\n\n"
            "- Det haster, og vi har ventet lenge nok, sa hun.\n\nMer tekst her.")
    assert [p.kind for p in classify(text)][1:3] == ["quote", "quote"]
