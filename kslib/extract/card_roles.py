"""Roles written on a line of their own, as on a contact card, a speaker list, a signature or a
photo credit: not in running text (`roles` reads those)."""

from __future__ import annotations

import re

from kslib.extract.people import is_title
from kslib.extract.roles import ROLE_MODIFIERS, clean_role
from kslib.structure.letters import UPPER

_CREDIT_AGENCY = re.compile(rf"\s*[/,]\s*(?P<org>[{UPPER}][\w-]*(?:\s+[{UPPER}][\w-]*)*)\s*\.?\s*$")


def credit_role(text: str, end: int) -> str | None:
    """The agency a photo credit names after the photographer's name, else None."""
    m = _CREDIT_AGENCY.match(text, end)
    return m.group("org") if m else None


#: Where a page's next block was glued onto a line when it was saved (`Sør-TrøndelagSe vedlagte`,
#: `etikk5`): a capital or digits right after a lower-case letter.
_GLUED = re.compile(r"(?<=[a-zæøå])(?:[A-ZÆØÅ][a-zæøå]|\d+$)")
#: A contact card's role line is short; a longer line is text.
CARD_ROLE_WORDS = 10


def role_of_card(line: str) -> str | None:
    """The role a contact card writes on the line under a name that stands alone
    (`Områdedirektør Interessepolitikk`, `Daglig leder, Nord-Trøndelag`): a short line, not a
    sentence, that opens with a title or with modifiers and a title, else None."""
    m = _GLUED.search(line)
    line = (line[: m.start()] if m else line).strip()
    words = line.split()
    if not words or len(words) > CARD_ROLE_WORDS or line.endswith((".", "!", "?", ":")):
        return None
    k = 0
    while k < len(words) - 1 and words[k].lower() in ROLE_MODIFIERS:
        k += 1
    return clean_role(line) if is_title(words[k].strip(",")) else None


#: What follows a name that opens a line of a speaker list or a signature: a dash
#: (`Rolf Rønning – professor, Høgskolen i Lillehammer`), or a title written with a capital,
#: as running text never writes one (`Gunn Marit Helgesen Styreleder i KS`).
_NAME_LINE_REST = re.compile(rf"\s*[–—-]\s*(\S.*)|\s+([{UPPER}].*)", re.S)


def role_of_name_line(line: str, end: int) -> str | None:
    """The role on a line that opens with a name ending at `end`, written after it as on a
    contact card (`role_of_card`), else None: `Kari Nordmann leder nytt utvalg` is a heading."""
    m = _NAME_LINE_REST.match(line, end)
    return role_of_card(m.group(1) or m.group(2)) if m else None

