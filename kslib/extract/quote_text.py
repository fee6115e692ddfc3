"""What of a dash paragraph is the quote, once its attribution is found: the text before the
attribution, the rest of a sentence the attribution splits (`– Vi må, sier Kari Nordmann, satse
mer på skolen`) and the sentences after it, but not a sentence about the speaker."""

from __future__ import annotations

import re

from kslib.config import resource_lines
from kslib.extract.people import PRONOUNS, Person, pronoun_gender
from kslib.extract.quotes import _sentence
from kslib.extract.roles import role_after

#: a dash that opens a sentence again: the quote goes on
_NEW_DASH = re.compile(r"(?<=[.!?])\s+[–-]\s")


def _about(text: str, speaker: Person) -> bool:
    """Whether `text` opens with a third-person pronoun that can be the speaker (`Han`, `Ho`,
    `Hen`): of their gender, or of a speaker whose gender is not known."""
    first = text.split(None, 1)[0]
    return first[:1].isupper() and first.lower() in PRONOUNS and speaker.may_be(pronoun_gender(first))


_NARRATIVE = frozenset(resource_lines("narrative_after_attribution.txt"))
_COMMA_WORD = re.compile(r",\s+([a-zæøå]+)")


def quote_goes_on(tail: str, speaker: Person) -> str | None:
    """The rest of a quoted sentence after an attribution in its middle (`sier ordfører Kari
    Nordmann, satse mer på skolen`): what follows the comma after the speaker's name when it opens
    with a lower-case word that is neither a title (`, ordfører i Lier`) nor narrative (`, og viste
    til`; `resources/narrative_after_attribution.txt`); else None."""
    at = tail.find(speaker.surname, 0, 120)
    if at < 0:
        return None
    end = at + len(speaker.surname)
    m = _COMMA_WORD.match(tail, end)
    if m is None or m.group(1) in _NARRATIVE or role_after(tail, end) is not None:
        return None
    return tail[m.start(1):]


def without_attribution(text: str, start: int, end: int, speaker: Person | None = None) -> str:
    """A dash paragraph's quote: `text` without the attribution at `start:end` (`, sier X.`) and
    what the sentence it ends says; the quote goes on after it with a new sentence, with the rest
    of a sentence the attribution splits (`quote_goes_on`), but not with a sentence about the
    speaker (`Han er ordfører i Bø.`) until a new dash opens one."""
    tail = text[end:]
    goes_on = quote_goes_on(tail, speaker) if speaker and text[start:end].lstrip()[:1] == "," else None
    if goes_on is not None:  # `– Vi må, sier Kari Nordmann, satse mer på skolen`
        return (text[:start].rstrip() + " " + goes_on).strip()
    sent = _sentence(tail)
    rest = tail[len(sent):].strip()
    if rest and speaker is not None and _about(rest, speaker):
        # `– ..., sier Ola Hansen. Han er ordfører i Bø.`: the text goes on about the speaker;
        # the quote goes on only after a new dash (`Han tok opp saken. – Den er viktig.`)
        dash = _NEW_DASH.search(rest)
        rest = rest[dash.start() :].strip() if dash else ""
    quoted = text[:start].rstrip(" ,")
    if quoted.count("«") > quoted.count("»") and text[start:end].lstrip()[:1] == "»":
        quoted += "»"  # `det «grønt skifte», sier X`: the name's closing guillemet is the quote's
    if quoted and quoted[-1] not in ".!?»":
        quoted += "."
    return (quoted + (" " + rest if rest else "")).strip()
