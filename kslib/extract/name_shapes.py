"""The shape of a person's name in running text: what follows a name and is not part of it (a
party tag, a municipality, a genitive's s)."""

from __future__ import annotations

import re

from kslib.config import resource_lines
from kslib.resources import gazetteer

#: Party tags after a politician's name (`resources/parties.txt`).
PARTIES = frozenset(resource_lines("parties.txt"))


def is_place(token: str) -> bool:
    """A municipality or county that is not also a common word or surname (`ambiguous_places.txt`)."""
    return token not in gazetteer.ambiguous() and any(
        p.kind in ("kommune", "fylke") for p in gazetteer.entries().get(token, ()))


#: Surname endings whose genitive (`Helgesens innlegg`, `Nordmanns forslag`) is no surname of its
#: own: Norwegian surnames in -sen, -son, -mann, -stad, -land, -heim, -rud, -dal, -vik, -berg,
#: -haug, -bakken (Statistics Norway's most common surnames end so); `-ås`, `-nes` or `-hals`
#: end in an s of their own and are left as written.
GENITIVE = re.compile(r"(?:sen|son|mann|stad|land|heim|rud|dal|vik|berg|haug|bakken)s$")
#: a lower-case word after the name: the genitive's noun (`Gunn Marit Helgesens innlegg`)
_NOUN_AFTER = re.compile(r"\s+[a-zæøå]")


def without_genitive(tokens: list[str], text: str, end: int) -> list[str]:
    """A full name written in the genitive before its noun (`Gunn Marit Helgesens innlegg`) as the
    name (`Gunn Marit Helgesen`), even where the article never writes it otherwise."""
    if len(tokens) >= 2 and GENITIVE.search(tokens[-1]) and _NOUN_AFTER.match(text, end):
        return [*tokens[:-1], tokens[-1][:-1]]
    return tokens
