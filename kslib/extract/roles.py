"""Roles around names (`ordfører`, `områdedirektør i KS`); the organisation and the group a role
names are `extract.organisations`."""

from __future__ import annotations

import re

from kslib.config import resource_alternation, resource_lines
from kslib.extract import _fast_roles as fast
from kslib.extract.clauses import COMMA, ROLE_STOP
from kslib.extract.name_shapes import PARTIES, organisation_after_name
from kslib.extract.people import (KNOWN_ORGANISATIONS, MUNICIPALITY_NOUN, ORG_WORDS, gender_of_first_name, is_body_noun,
                                  is_title)
from kslib.resources.gazetteer import is_municipality_or_county
from kslib.structure.letters import UPPER

# Patterns of roles and organisations around names, compiled once: they run for every name.
_GENITIVE = re.compile(rf"[{UPPER}][\w-]*(s|['’])")
_ROLE_MODIFIER = re.compile(rf"[{UPPER}][\w-]*(s|['’])|KS|[\w]+-")
#: the prepositions before a role's owner (`i KS`, `ved NTNU`); `for` names a field instead
#: (`områdedirektør for arbeidsliv`), so a role with `for` alone still takes an owner after the name
_OWNER_PREPOSITIONS = frozenset({"i", "ved", "hos", "på", "frå", "fra"})
_PREPOSITION = re.compile(r"\b(?:" + "|".join(sorted(_OWNER_PREPOSITIONS)) + r")\b")  # a role naming its owner
_ROLE_IN_BRACKETS = re.compile(r"\s*,?\s*\(([^)]{2,80})\)")  # `(ordfører i Gol)`, `, (Statssekretær i KMD)`
_ROLE_AFTER_COMMA = re.compile(r"\s*,\s*((?:\d{1,2}\.\s+|adm\.\s*)?[^,.;:!?()«»]{2,120})")  # `, 2. nestleder`
_ROLE_BETWEEN_DASHES = re.compile(r"\s+[–—]\s+([^–—,.;:!?()«»]{2,100}?)\s+[–—]\s")  # `Kari Nordmann – ordfører i Bodø – mener`
# (`og` after a hyphen joins a title written in two, `barne- og familieminister`: no clause ends there)
_ROLE_CLAUSE_END = re.compile(r"\s+(?:(?:sier|sa|seier|mener|meiner|forteller|fortel)(?!\w)|(?<!-\s)og\s+[a-zæøå]+er\b)")
_SPACES = re.compile(r"\s+")

_LEAD_FILLER = {"og", "fra", "frå", "med", "av", "ved", "der", "som", "at", "både", "mens", "om", "for",
                "til", "etter", "før", "når", "da", "mellom", "under", "blant", "annet", "anna", "seg", "har",
                "er", "var", "ble", "vart", "vil", "kan", "skal", "hadde", "fikk", "fekk", "mener", "sier"}
ROLE_MODIFIERS = frozenset(resource_lines("role_modifiers.txt"))  # `nyvalgt`, `fungerende`, `daglig`


#: words after which a role starts (`resources/copulas.txt`: `er`, `var`, `som`, ...)
_COPULAS = frozenset(w for w in resource_lines("copulas.txt") if " " not in w)


def _after_copula(words: list[str]) -> list[str]:
    """The words after the last copula (`Ny leiar er kommunedirektør i Kinn` -> `kommunedirektør i Kinn`)."""
    at = max((k for k, w in enumerate(words) if w.lower() in _COPULAS), default=-1)
    return words[at + 1:]


def _holds_a_name(words: list[str]) -> bool:
    """Whether the words hold a person's name (a known first name before a capitalised word)."""
    return any(gender_of_first_name(a) and b[:1].isupper() for a, b in zip(words, words[1:]))


def _after_last_name(words: list[str]) -> list[str]:
    """The words after the last name the words hold (a known first name and the capitalised words after it)."""
    k = max(i for i, (a, b) in enumerate(zip(words, words[1:])) if gender_of_first_name(a) and b[:1].isupper()) + 1
    while k < len(words) and words[k][:1].isupper():
        k += 1
    return words[k:]


def _role_of_comma_clause(words: list[str]) -> str | None:
    """The role in the clause before `, <name>` (its words): from its first title after the last
    copula, with the modifiers just before it; none in a clause of more than 12 words."""
    if len(words) > 12:
        # a long clause: only a role that is the object of its last words may stand before the name
        # (`innledning om lønnsoppgjøret av KS områdedirektør for arbeidsliv, Tor Arne Gangsø`)
        tail = words[-7:]
        first = next((i for i, w in enumerate(tail) if is_title(w) and not _holds_a_name(tail[i:])), None)
        while first and (tail[first - 1].lower() in ROLE_MODIFIERS or tail[first - 1] == "KS"):
            first -= 1
        if not first or tail[first - 1].lower() not in _LEAD_FILLER:
            return None
        words = tail[first:]
    words = _after_copula(words)
    titled = [i for i, w in enumerate(words) if is_title(w)]
    if not titled:
        return None
    i = titled[0]
    if _holds_a_name(words[i:]):
        # `stortingspresident Masud Gharahkhani og plenumsleder på Sametinget, Tom Sottinen`: the
        # title after the last name and its `og` is this name's; `nestlederne Odd Stangeland og Aud
        # Hove, Eirik Lae Solberg`: none (a role holds no name)
        after = _after_last_name(words)
        return _role_of_comma_clause(after[1:]) if after[:1] in (["og"], ["samt"]) else None
    while i > 0 and (words[i - 1].lower() in ROLE_MODIFIERS or words[i - 1] == "KS"
                     or _GENITIVE.fullmatch(words[i - 1])):
        i -= 1
    return clean_role(" ".join(words[i:]))


#: the prepositions that join a title to what it is the title of (`i KS`, `for arbeidsliv`)
_ROLE_PREPOSITIONS = frozenset({"i", "for", "ved", "hos", "frå", "fra", "av"})


def _role_of_last_words(words: list[str]) -> str | None:
    """The role in the last (up to six) words before a name: its last title, with what may stand
    after it (`i KS`, `for arbeidsliv`) and the modifiers before it."""
    idx = [i for i, w in enumerate(words) if is_title(w)]
    if not idx:
        return None
    i = idx[-1]
    # only `i KS`, `for arbeidsliv`, `ved NTNU`, or two such (`for kommuneøkonomi i KS`) may stand
    # between the title and the name
    between = words[i + 1:]
    if between and (between[0].lower() not in _ROLE_PREPOSITIONS or len(between) > 4
                    or (len(between) == 4 and between[2].lower() not in _ROLE_PREPOSITIONS)):
        return None
    if len(between) == 1:  # `Statsforvalteren ved Ingvild Aartun`: represented by; the title alone
        words = words[: i + 1]
    # take modifiers before the title: genitives (`Drammens`, `KS'`), `KS`, adjectives, `HR- og`
    while i > 0:
        prev = words[i - 1]
        if prev.lower() in ROLE_MODIFIERS or _ROLE_MODIFIER.fullmatch(prev):
            i -= 1
            if _GENITIVE.fullmatch(prev) and i > 0 and _ACRONYM.fullmatch(words[i - 1]):
                i -= 1  # `YS Kommunes leder`: an acronym and a word, one organisation's name
        elif prev == "og" and i > 1 and words[i - 2].endswith("-"):
            i -= 2
        else:
            break
    return clean_role(" ".join(words[i:]))


def clause_before(text: str, start: int) -> tuple[bool, list[str]]:
    """(whether a comma stands right before the name, the last words of the clause before it: 13
    after a comma, where more than 12 means no role, else 6), read on everything before the name
    (`_fast_roles.clause_before` gives the same in linear time)."""
    left = text[:start].rstrip()
    if left.endswith(","):  # `Administrerende direktør i KS, Lasse Hansen`
        return True, COMMA.split(ROLE_STOP.split(left[:-1])[-1])[-1].split()[-13:]
    return False, COMMA.split(ROLE_STOP.split(left)[-1])[-1].split()[-6:]


#: A title in the plural, definite (`statsrådene`, `nestleiarane`, `KS-økonomene`): the title of
#: the names after it (`statsrådene X og Y`, `KS-økonomene med X og Y`).
PLURAL_TITLE = re.compile(r"(?:ene|ane|erne|arane|arne)$")
#: An organisation written as an acronym (`KS`, `NTNU`).
_ACRONYM = re.compile(rf"[{UPPER}]{{2,}}")
#: A body right before `ved` and a name: a capitalised word, or a name ending in `kommune`.
_BODY_BEFORE_VED = re.compile(rf"(?<![\w-])(?P<body>[{UPPER}][\w-]*(?:\s+{MUNICIPALITY_NOUN})?),?\s+ved\s+$")


def _is_body(words: str) -> bool:
    """Whether `words` name a body: an acronym (`KS`), or a word ending in a body's noun
    (`Helsedirektoratet`, `Totalberedskapskommisjonen`, `Asker kommune`)."""
    return bool(_ACRONYM.fullmatch(words)) or is_body_noun(words.split()[-1], compound=True)


#: Up to this many characters before a name, the plain reading is the faster one.
PLAIN_ROLE_SPAN = 1000


def role_before(text: str, start: int) -> str | None:
    """The title written just before a name (`Drammens rådmann`, `arbeidslivsdirektør i KS`): in the
    clause before it, after a comma (`Administrerende direktør i KS, Lasse Hansen`) or right before."""
    read = clause_before if start <= PLAIN_ROLE_SPAN else fast.clause_before
    comma, words = read(text, start)
    if not comma and words and words[-1] == "ved":
        # `Totalberedskapskommisjonen, ved Cecilie Daae`: the body the person speaks for
        m = _BODY_BEFORE_VED.search(text, max(0, start - 80), start)
        if m and _is_body(m.group("body")):
            return m.group("body")
    if not comma and len(words) >= 2 and words[-1] == "med" and is_title(words[-2]) and PLURAL_TITLE.search(words[-2]):
        return words[-2]  # `KS-økonomene med Rune Bye og Sigmund Engdal`: the group the names are of
    if not comma and len(words) == 1 and _ACRONYM.fullmatch(words[0]):
        # `Avdelingsdirektør for arbeidsliv, KS Bjarte Rørmark`: the title, a comma, its organisation
        org = words[0]
        comma, words = read(text, text.rindex(org, 0, start))
        role = _role_of_comma_clause(words) if comma else None
        return f"{role}, {org}" if role else None
    if comma:
        return _role_of_comma_clause(words)
    role = _role_of_last_words(words)
    if role is None and text.find(" og ", max(0, start - 160), start) >= 0:
        # `områdedirektør for forskning, innovasjon og digitalisering i KS Kari Nordmann`: the
        # commas of a title's list of fields end no clause
        m = _FIELDS_BEFORE.search(text, max(0, start - 160), start)
        if m and is_title(m.group(1)):
            return clean_role(m.group(0).rstrip())
    if role is None and words and (owner := _owner(words[-1])) and owner != words[-1] and owner.isupper():
        return owner  # `NRKs Tone Sofie Aglen`: the organisation in the genitive, when no title is written
    return role


#: A photo credit's agency after the photographer's name (`Foto: Svein Nordrum/ Scanpix`, `, NTB`).
def role_near(text: str, start: int, end: int) -> str | None:
    """The role nearest a name: before it (`ordfører Kari Nordmann`, completed by an
    organisation right after the name: `prosjektleder Marte Lien i KS`), else after it."""
    before = role_before(text, start)
    if before:
        tag = _PARTY_TAG.match(text, end)  # `Ordfører Ola Dahl (H) i Molde kommune`
        org = organisation_after_name(text, tag.end() if tag else end)
        if org and not _PREPOSITION.search(before):
            return f"{before} {org}"
        return before
    return role_after(text, end)


#: An organisation right after a name (`Sturla Stålsett fra Frivillighet Norge`, `Randi Sandli fra
#: Asker kommune`): the name of a body, not a place of origin (`Kari fra Bodø`): two or more
#: capitalised words, a name ending in an organisation word (`kommune`), or an acronym.
_ORG_OF_NAME = re.compile(rf"\s+(?:fra|frå)\s+((?:[{UPPER}][\w-]*\s+)+(?:[{UPPER}][\w-]*|{MUNICIPALITY_NOUN})"
                          rf"|[{UPPER}]{{2,}})(?=[\s.,;:!?)]|$)")


#: One word after `fra` a name: the body the person is from when it ends in a body's noun
#: (`fra Kommunedirektørutvalget`, `fra Helsedirektoratet`, `fra storbynettverket`; `is_body_noun`),
#: written in lower case only as a compound (`fra kommunen` names no body of its own), else a place.
_BODY_OF_NAME = re.compile(rf"\s+(?:fra|frå)\s+([{UPPER}a-zæøå][\w-]*)(?=[\s.,;:!?)]|$)")


#: A body in brackets after a name: KS or a KS body (`KS Bedrift`), or a name ending in an
#: organisation word (`Asker kommune`); a party tag (`Ap`) or a place alone is none.
_BODY_IN_BRACKETS = re.compile(rf"KS(?:[ -][{UPPER}][\w-]*)*|(?:[{UPPER}][\w-]*\s+)+{MUNICIPALITY_NOUN}")
#: A party (`(Ap)`, `(KrF)`) or an age (`(43)`) in brackets right after a name: a role may follow it.
_PARTY_TAG = re.compile(rf"\s*\((?:[{UPPER}][A-Za-zæøåÆØÅ]{{0,5}}|\d{{1,3}})\)")
_FIELD = r"[a-zæøå][\w-]*"  #: one field of a title's list (`kultur`)
_FIELDS_OWNER = rf"\s+(?:i|ved)\s+(?:KS|[{UPPER}][\w-]*)"  #: the organisation after a list of fields (` i KS`)
#: A title for a list of fields, and its organisation, right before a name (`direktør for oppvekst,
#: kultur og utdanning i KS `)
_FIELDS_BEFORE = re.compile(rf"(?<!\S)([\w-]+)\s+for\s+{_FIELD}(?:,\s*{_FIELD})*,?\s+og\s+{_FIELD}"
                            rf"{_FIELDS_OWNER}(?:\s+{MUNICIPALITY_NOUN})?\s+$")
#: The rest of a list of fields after a title's first (`, kultur og utdanning i KS`).
_ROLE_FIELDS = re.compile(rf"(?:,\s*{_FIELD})+\s+og\s+{_FIELD}(?:{_FIELDS_OWNER})?")
#: A copula right after a name (`Jan Erik Innvær har vært regiondirektør`), bokmål and nynorsk.
_APPOINTED = resource_alternation("appointed.txt")  # `tilsatt`, `utnevnt`
_PREDICATE = re.compile(r"\s+(?:(?:er|var|blir|ble|blei|vert|vart)(?:\s+(?:[\w.]+\s+){0,8}?(?:gjen)?(?:" + _APPOINTED + ")"
                        r"\s+(?:til|som))?|har\s+vært|har\s+vore"
                        # `vil formelt starte opp i stillingen som regiondirektør`: the post the clause names
                        # (`har det siste året hatt permisjon fra stillingen som rådmann`: up to eight words)
                        r"|(?:[a-zæøå\d]+\s+){1,8}?(?:i\s+)?(?:stillingen|stillinga|jobben)\s+som"
                        # `jobber som rådgiver i KS`, `arbeider som`, nynorsk `jobbar (no) som`
                        r"|(?:jobber|jobbar|jobbet|jobba|arbeider|arbeidar|arbeidet|arbeidde)\s+(?:nå\s+|no\s+)?som"
                        r"|(?P<som>som)(?P<copula>\s+(?:er|var|blir|ble))?)\s+")
_TRAILING = ".,;:!?)»"
#: Words between a copula and its title that are not the role's (`resources/predicate_fillers.txt`).
_PREDICATE_FILLERS = frozenset(resource_lines("predicate_fillers.txt"))


def role_of_predicate(text: str, end: int) -> str | None:
    """The title a copula or `som` gives a name (`Kari Nordmann er ordfører i Bodø kommune`, `... har
    vært regiondirektør i regionen` -> `regiondirektør`, `X som representant for utvalget`): modifiers,
    a title, and what it is the title of (`_complement`), up to the end of the clause."""
    m = _PREDICATE.match(text, end)
    if not m:
        return None
    words = text[m.end() : m.end() + 120].split()[:10]
    skip = 0  # `er allerede en erfaren politiker`: adverbs, an article and adjectives before the title
    while skip < min(len(words), 4) and words[skip].lower() in _PREDICATE_FILLERS:
        skip += 1
    words = words[skip:]
    i = 0
    while i < len(words) and words[i].lower() in ROLE_MODIFIERS:
        i += 1
    if i >= len(words) or not is_title(words[i].rstrip(_TRAILING)):
        return None
    joined = words[i][-1] not in _TRAILING and i + 1 < len(words) and words[i + 1] in _COMPLEMENT_PREPOSITIONS
    if m.group("som") and not m.group("copula") and words[i][-1] not in _TRAILING and not joined:
        return None  # `Kari Nordmann som leder utvalget`: a verb (who leads it), not a title
    complement = _complement(words, i) if joined else []
    return clean_role(" ".join(words[: i + 1] + complement).rstrip(_TRAILING))


#: the prepositions that join a title after a copula to what it is the title of
_COMPLEMENT_PREPOSITIONS = ("i", "for", "ved", "av")
#: words between such a preposition and a body written in lower case (`for det nye utvalget`)
_BODY_LEAD = ROLE_MODIFIERS | _PREDICATE_FILLERS | {"det", "den"}


def _complement(words: list[str], i: int) -> list[str]:
    """The words after the title `words[i]` and its preposition that say what it is the title of: a
    body in lower case (`i ungdomsrådet`, `for det nye kommunedirektørutvalget`) and after it `i` a
    place, or an organisation written with a capital (`i Bodø kommune`, `for KS`, `i Møre og
    Romsdal`); none when the preposition opens something else (`i tre år til`)."""
    out = []
    k = i + 2
    while k < min(len(words) - 1, i + 4) and words[k].lower() in _BODY_LEAD:
        k += 1
    if k < len(words) and not words[i + 2][:1].isupper() \
            and is_body_noun(words[k].rstrip(_TRAILING).split("/")[-1], compound=True):
        out += words[i + 1 : k + 1]
        i = k if words[k][-1] not in _TRAILING and k + 2 < len(words) and words[k + 1] == "i" else len(words)
    if i + 2 < len(words) and words[i + 2][:1].isupper():
        out.append(words[i + 1])
        for n, w in enumerate(words[i + 2 : i + 5], i + 2):
            suspended = words[n - 1].endswith("-") or words[n - 1] == "og" and words[n - 2].endswith("-")
            if not (w[:1].isupper() or w.rstrip(_TRAILING).lower() in ORG_WORDS or suspended
                    or w == "og" and words[n + 1 : n + 2] and words[n + 1][:1].isupper()):
                break  # (`i Kommunal- og distriktsdepartementet`: a suspended compound is one name)
            out.append(w)
            if w[-1] in _TRAILING:
                break
    return out


def role_after(text: str, end: int) -> str | None:
    """The title written just after a name (`, områdedirektør i KS` or `(ordfører i Gol)`), else the
    organisation it is from (`fra Frivillighet Norge`)."""
    m = _ROLE_IN_BRACKETS.match(text, end)  # at `end`, not on a copy of the rest of the text
    if m and any(is_title(w) for w in m.group(1).split()):
        # a party beside the role (`(ordfører i Bodø, Ap)`, `(Sp, ordførar i Stryn)`) is not the role's
        return clean_role(", ".join(part for part in m.group(1).split(", ") if part.strip() not in PARTIES))
    if m and (_BODY_IN_BRACKETS.fullmatch(m.group(1)) or m.group(1) in KNOWN_ORGANISATIONS):
        return m.group(1)  # `Anne Berit Stenseth (KS Bedrift)`, `Mette Nord (LO)`
    tag = _PARTY_TAG.match(text, end)
    if tag:  # `Anne Berit Støyva Emblem (AP), nestleder`
        end = tag.end()
    m = _ROLE_AFTER_COMMA.match(text, end) or _ROLE_BETWEEN_DASHES.match(text, end)
    if not m:
        m = _ORG_OF_NAME.match(text, end)
        if m is None and (body := _BODY_OF_NAME.match(text, end)) and is_body_noun(body.group(1), compound=True) \
                and (body.group(1)[0].isupper() or not is_body_noun(body.group(1))):
            return body.group(1)  # `Bjørn Fauchald fra Kommunedirektørutvalget`
        return m.group(1) if m else role_of_predicate(text, end)
    clause = m.group(1)
    if " for " in clause:  # `, direktør for oppvekst, kultur og utdanning i KS`: the fields it is for
        rest = _ROLE_FIELDS.match(text, m.end(1), m.end(1) + 200)
        clause += rest.group(0) if rest else ""
    clause = _ROLE_CLAUSE_END.split(clause)[0]
    words = clause.split()
    if _holds_a_name(words):
        return None  # `, fra Statsforvalteren ved Ingvild Aartun`: another person's clause
    if words and words[0].lower() == "som":  # `, som er fagsjef for ...`
        if not any(w.lower() in _COPULAS for w in words[1:4]):
            return None  # `, som leder utvalget`: a verb (who leads it), not a title
        words = _after_copula(words[:4]) + words[4:]
        clause = " ".join(words)
    if not words or not any(is_title(w) for w in words[:4]):
        return None
    if words[0][0].isupper() and words[0].lower() not in ROLE_MODIFIERS and not is_title(words[0]) and words[0] != "KS":
        return None
    return clean_role(clause)


def _owner(word: str) -> str | None:
    """The organisation or place a genitive before a title names (`KS'`, `KS`, `NHOs`,
    `Drammens`, `Ås'`), else None: a person's genitive (`Støres rådgiver`) is no owner."""
    stem = word[:-1] if word[-1:] in ("'", "’", "s") else word
    if stem == "KS" or (len(stem) >= 2 and stem.isupper() and stem.isalpha()):
        return stem
    if stem != word and is_municipality_or_county(stem):
        return stem
    return None


def _owner_last(role: str) -> str:
    """A role that opens with its owner in the genitive, written with the owner last as the
    roles elsewhere are: `KS' styreleder` -> `styreleder i KS`, `Drammens rådmann` -> `rådmann i
    Drammen`, `KS nyvalgte nestleder` -> `nyvalgt nestleder i KS` (after a genitive the adjective
    is definite; before the title alone it is not: `nyvalgte` -> `nyvalgt`, `nye` -> `ny`)."""
    words = role.split()
    owner = _owner(words[0]) if len(words) > 1 else None
    if owner is None:
        return role
    rest = words[1:]
    k = 0
    while k < len(rest) - 1 and rest[k].lower() in ROLE_MODIFIERS:
        if rest[k].endswith("e") and rest[k][:-1].lower() in ROLE_MODIFIERS:
            rest[k] = rest[k][:-1]
        k += 1
    if not is_title(rest[k]) or any(w.lower() in _OWNER_PREPOSITIONS for w in rest[k + 1:]):
        return role  # `Drammens leder i Fagforbundet`: two owners; kept as written
    return " ".join([*rest, "i", owner])


#: A former post joined to the present one (`fylkesleder i X og tidligere leder av Y`): cut there.
_FORMER = re.compile(r"\s*(?:,|\bog|\bsamt)\s+(?:tidligere|tidlegare|forhenværende|tidl\.)\s.*$", re.I)


def clean_role(role: str) -> str | None:
    """A role as written, tidied: no trailing `tidligere ...`, one space, its owner last, no capital
    that only opens a sentence."""
    role = _FORMER.sub("", role.strip(" ,.-–"))
    role = _SPACES.sub(" ", role)
    if not role:
        return None
    role = _owner_last(role)
    if role[0].isupper() and not role[:2].isupper() and _opens_with_title(role.split()):
        role = role[0].lower() + role[1:]
    return role


def _opens_with_title(words: list[str]) -> bool:
    """Whether a role's first word is a title or a modifier, written with a capital only because
    it opens a sentence: `Ordfører`, `Kultur- og likestillingsminister` (the first half of a
    title written in two is judged by the title it ends in); not `Notodden-ordfører`, whose
    capital is a place's."""
    first = words[0]
    if first.endswith("-"):  # `Kultur- og likestillingsminister`, `Helse- og omsorgsminister`
        head = next((w for w in words[1:] if not w.endswith("-") and w.lower() not in ("og", "eller")), "")
        return is_title(head.strip(",."))
    before, hyphen, after = first.partition("-")
    if hyphen and after and not is_title(before) and before.lower() not in ROLE_MODIFIERS:
        return False  # `Notodden-ordfører`, `Bodø-ordførar`: a name before the hyphen
    return is_title(first) or first.lower() in ROLE_MODIFIERS
