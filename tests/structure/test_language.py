"""Bokmål, nynorsk or other: function-word markers first, lingua when unclear."""

import pytest

from kslib.structure.language import by_markers, detect_language

NB = ("Kommunene i Innlandet har fått mer penger. Det er bare ett av flere tiltak, sier hun. "
      "Vi ser fram til at de ansatte får være med, og hva som skjer videre.")
NN = ("Kommunane i Vestland har fått meir pengar. Det er berre eitt av fleire tiltak, seier ho. "
      "Me ser fram til at dei tilsette får vere med, og kva som skjer vidare.")
DA = ("Kommunerne i Danmark har fået flere penge. Det er kun et af mange tiltag, siger hun. "
      "Vi ser frem til at de ansatte får lov at være med, og hvad der sker efter.")
EN = "The municipalities in Norway have received more money, and this is one of many measures."


@pytest.mark.parametrize("text, marker, language", [
    (NB, "nb", "nb"), (NN, "nn", "nn"), (DA, None, "other"), (EN, None, "other"),
])
def test_detect(text, marker, language):
    assert by_markers(text) == marker
    assert detect_language(text) == language


@pytest.mark.parametrize("text, language", [
    # a short text whose few markers agree is that standard: lingua's quick mode took these for nynorsk
    ("Vi ønsker å styrke samarbeidet med kommunene.", "nb"),
    ("Fylkeskommunen vil satse på vegar og skular i heile fylket. Det seier ho.", "nn"),
])
def test_a_short_text_whose_markers_agree(text, language, monkeypatch):
    import kslib.structure.language

    monkeypatch.setattr(kslib.structure.language, "_detector", lambda: pytest.fail("lingua asked"))
    assert detect_language(text) == language


def test_short_or_empty_text():
    assert by_markers("Hei.") is None
    assert detect_language("123 456") == "other"


def test_seed_languages(seeds):
    assert set(seeds.articles["language"]) == {"nb"}


def test_a_marker_word_belongs_to_one_group():
    """`by_markers` counts each word for one group only: the lists must not overlap."""
    from kslib.structure.language import FOREIGN, MARKERS

    assert not (MARKERS["nn"] & MARKERS["nb"]) and not ((MARKERS["nn"] | MARKERS["nb"]) & FOREIGN)


def test_an_opening_without_function_words_is_decided_by_the_whole_text(monkeypatch):
    import kslib.structure.language

    opening = "\n".join(f"• Tema {i}: Digitalisering og innovasjon - direktør Kari Olsen" for i in range(25))
    assert len(opening) > 1200 and by_markers(opening[:1200]) is None
    monkeypatch.setattr(kslib.structure.language, "_detector", lambda: pytest.fail("lingua asked"))
    assert detect_language(opening + "\n" + NN) == "nn"
    assert detect_language(opening + "\n" + NB) == "nb"
