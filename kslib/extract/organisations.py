"""The organisation a role names (`områdedirektør i KS` -> KS, `statssekretær i Kommunal- og
distriktsdepartementet`) and the group of the role (KS, elected, administration, other)."""

from __future__ import annotations

import re
from functools import lru_cache

from kslib.extract.name_shapes import institution_at
from kslib.extract.people import KNOWN_ORGANISATIONS, MUNICIPALITY_NOUN, ORG_WORDS, is_title, title_group
from kslib.structure.letters import UPPER

# compiled once: they run for every person
_ROLE_WORDS = re.compile(r"[\s/]+")
_ORG_AFTER_PREPOSITION = re.compile(rf"\b(?:i|ved|hos|frå|fra|av)\s+((?:[{UPPER}][\w’'-]*(?:(?<=-),\s+\w[\w-]*-)*"
                                    rf"|[a-zæøå]+kommune)"
                                    rf"(?:\s+(?:og\s+)?[{UPPER}a-zæøå][\w-]*)*)")
_AND_LOWER = re.compile(r"\s+og\s+[a-zæøå]")
#: a contact card's role ends in its organisation after a comma (`professor, Høgskolen i Lillehammer`,
#: `direktør, Ferd Sosiale Entreprenør`): a name of two or more capitalised words; one word may be a
#: place (`daglig leder, Nord-Trøndelag`)
_ORG_AFTER_COMMA = re.compile(rf",\s+([{UPPER}][\w’'-]*(?:\s+(?:(?:i|for|og|ved|på)\s+)?[{UPPER}][\w’'-]*)+)\s*$")
#: the gaps of a suspended compound (`Kommunal- og distriktsdepartementet`, `Barne-, ungdoms- og
#: familiedirektoratet`): its parts are one name, joined by `_JOINED` while a role's words are read
_SUSPENDED_GAP = re.compile(r"(?<=\w-)(?:,\s+|\s+(?:og|eller)\s+)(?=\w)")
_JOINED = "\x00"  # never in a text: `read.decode.normalise_text` removes control characters
#: a municipality or county municipality by its name, wherever a role names it (`fylkesdirektør Vestland
#: fylkeskommune`, `kommunedirektør i nye Kinn kommune`, a role that is one: `Asker kommune`, `Kvam herad`)
_MUNICIPALITY = re.compile(rf"(?<![\w-])((?:[{UPPER}][\w’'-]*\s+)+{MUNICIPALITY_NOUN})\b")
_ORG_GENITIVE = re.compile(rf"((?:[{UPPER}]{{2,}}\s+)?[{UPPER}][\w-]+)s\s+[a-zæøå]")  # `Fagforbundets`, `YS Kommunes`
_ORG_ACRONYM = re.compile(rf"\b((?:[{UPPER}][\w-]*-)?[{UPPER}]{{2,}}(?:-[{UPPER}][\w]+)?)\b(?!-\s)")
_KS = re.compile(r"(?<![\w-])KS(?:['’]|-\w+|\b)")
_SPACES = re.compile(r"\s+")


@lru_cache(maxsize=20_000)  # roles recur across articles (`ordfører`, `områdedirektør i KS`)
def role_group(role: str | None, organisation: str | None = None) -> str:
    """KS, elected, administration or other, from the role as written."""
    text = " ".join(x for x in (role, organisation) if x)
    if _KS.search(text):
        return "KS"
    groups = [g for g in (title_group(w) for w in _ROLE_WORDS.split(role or "")) if g]
    for preferred in ("KS", "elected", "administration"):
        if preferred in groups:
            return preferred
    return "other"


@lru_cache(maxsize=20_000)
def organisation_of(role: str | None) -> str | None:
    """The organisation a role names (`områdedirektør i KS` -> `KS`), else None."""
    if not role:
        return None
    if _KS.search(role):
        return "KS"
    if role in KNOWN_ORGANISATIONS:  # `Mette Nord (LO)`: the role is the organisation
        return role
    m = _ORG_AFTER_COMMA.search(role)
    if m:
        return m.group(1)
    m = _ORG_AFTER_PREPOSITION.search(role)
    institution = institution_at(role, m.start(1)) if m else None
    if institution:  # `professor ved Universitetet i Bergen`, `forsker ved Institutt for samfunnsforskning`
        return institution
    if m:
        org = _SUSPENDED_GAP.sub(lambda gap: _SPACES.sub(_JOINED, gap[0]), m.group(1))
        org = _AND_LOWER.split(org)[0]
        words = org.split()
        # keep capitalised words and a trailing organisation word (kommune, fylkeskommune, ...)
        kept = []
        for n, w in enumerate(words):  # `Vestfold og Telemark`: `og` between two capitalised names
            after = words[n + 1] if n + 1 < len(words) else ""
            if w[0].isupper() or w.lower() in ORG_WORDS or w == "og" and after[:1].isupper() and not is_title(after):
                kept.append(w)
            else:
                break
        if kept:
            return " ".join(kept).replace(_JOINED, " ")
    m = _MUNICIPALITY.search(role)
    if m:
        return m.group(1)
    m = _ORG_GENITIVE.match(role)
    if m:
        return m.group(1)
    m = _ORG_ACRONYM.search(role)
    if m:
        return m.group(1)
    if role[0].isupper() and not any(is_title(w.lower()) for w in role.split()):
        return role  # a body's name given as the role (`fra Agenda Kaupang`, `fra Kommunedirektørutvalget`)
    return None
