"""The shape of a person's name in running text: what follows a name and is not part of it (a
party tag, a municipality, a genitive's s, the organisation after it), and of an institution's name."""

from __future__ import annotations

import re

from kslib.config import resource_alternation, resource_lines
from kslib.resources import gazetteer
from kslib.structure.letters import UPPER
from kslib.structure.tokens import stop_words

#: The noun after a municipality's or county municipality's name (`Asker kommune`, `Kvam herad`).
MUNICIPALITY_NOUN = r"(?:fylkeskommune|kommune|herad)"
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


#: An institution's name: named by the place it serves (`Universitetet i Bergen`, `Statsforvalteren i
#: Oslo og Viken`; `resources/institutions.txt`), by the place before its noun (`Førde sjukehus`;
#: `institutions_after.txt`) or by its field after `for` (`Institutt for samfunnsforskning`, `Norsk
#: institutt for by- og regionforskning`; `resources/institutions_for.txt`).
_BY_PLACE, _PLACE_BEFORE, _BY_FIELD = (resource_alternation(f"institutions{kind}.txt") for kind in ("", "_after", "_for"))
_INSTITUTION = re.compile(
    rf"(?:{_BY_PLACE})\s+(?:i|på)\s+[{UPPER}][\w-]*(?:\s+og\s+[{UPPER}][\w-]*(?!\s+[{UPPER}]))?(?=[\s.,;:!?)]|$)"
    rf"|[{UPPER}][\w-]*\s+(?:{_PLACE_BEFORE})(?!\w)"
    rf"|(?:(?:Norsk|Nasjonalt|Nasjonal|Statens)\s+[a-zæøå]*(?:{_BY_FIELD})|[{UPPER}][a-zæøå]*(?:{_BY_FIELD})"
    rf"|{_BY_FIELD.title()})\s+for\s+(?P<field>[a-zæøå][\w-]*(?:\s+[a-zæøå][\w-]*){{0,5}})")


def institution_at(text: str, pos: int) -> str | None:
    """The name of an institution written at `pos` (see `_INSTITUTION`), else None. A field's words
    end before a stop word (`Senter for økonomisk forskning har regnet`) and never in `og`."""
    m = _INSTITUTION.match(text, pos)
    if m is None:
        return None
    if m.group("field") is None:
        return m.group()
    words = m.group("field").split()
    kept = []
    for w in words:
        if w in stop_words() and w != "og":
            break
        kept.append(w)
    while kept and kept[-1] == "og":
        kept.pop()
    if not kept:
        return None
    return text[m.start(): m.start("field")] + " ".join(kept)


#: An organisation right after a name and its preposition (`prosjektleder Marte Lien i KS`, `Ola Dahl i
#: Molde kommune`): KS or a KS body, a suspended compound, one capitalised word (and `kommune`).
_ORG_AFTER_NAME = re.compile(rf"\s+(i|ved|frå|fra)\s+(KS(?:\s+[{UPPER}][\w-]+)?|[{UPPER}]\w*-\s+og\s+\w+"
                             rf"|[{UPPER}][\w-]+(?:\s+{MUNICIPALITY_NOUN})?)(?=[\s.,;:!?)]|$)")
_PREPOSITION_AFTER_NAME = re.compile(r"\s+(i|ved|hos|frå|fra)\s+")


def organisation_after_name(text: str, end: int) -> str | None:
    """The organisation written right after a name that ends at `end`, with its preposition (`i KS`,
    `ved Universitetet i Bergen`), else None. `fra`/`frå` and a place's name say where the person comes
    from (`deltager Anne Kristine Wensel fra Berlevåg`), not whose the title is (`i Berlevåg` is)."""
    p = _PREPOSITION_AFTER_NAME.match(text, end)
    institution = institution_at(text, p.end()) if p else None
    if institution:
        return f"{p.group(1)} {institution}"
    m = _ORG_AFTER_NAME.match(text, end)
    if m is None or m.group(1) in ("fra", "frå") and gazetteer.is_municipality_or_county(m.group(2)):
        return None
    return f"{m.group(1)} {m.group(2)}"
