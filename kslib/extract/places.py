"""Places in articles: municipalities, counties, regions and foreign places.

One Aho-Corasick automaton over every surface form in the gazetteer (names,
Sami names, genitives `Drammens`, region compounds `Kongsvingerregionen`,
`Trondheimsregionen`) finds all mentions in one pass. Rules on top:
- names that are also common words or surnames (`resources/ambiguous_places.txt`:
  Ås, Hole, Moss, Lier, Vik, ...) need place context (`i Ås`, `Ås kommune`, `(Vik)`) or a
  place beside them in an enumeration (`Bergen, Sandnes og Stavanger`, a bullet list of places);
- a place inside a person's name (`Kari Anne Sand`, `sier Eide`) is not a place;
- a place inside an organisation's name counts (`NHO-Innlandet`, `KS Trøndelag`),
  and `KS <county>`, a KS regional office, marks the county the article is about;
- names two municipalities share (Herøy, Våler) resolve to the one whose county the
  article's other places are in, else stay ambiguous (no number or county).
The article's `region` is the county it is about in its year's map, or `national`.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from kslib.config import resource_alternation, resource_lines
from kslib.extract.place_context import county_in_brackets, on_region, where_written
from kslib.resources.gazetteer import Place, ambiguous, entries, localities
from kslib.schema import NON_CONTENT_KINDS
from kslib.structure.letters import UPPER

#: An ambiguous place word counts after one of `resources/place_prepositions.txt` or a bracket.
CONTEXT_BEFORE = re.compile(r"(?:\b(?:" + "|".join(resource_lines("place_prepositions.txt")) + r")\s+|\(\s*)$", re.I)
# patterns tried right after a mention are used with `match(text, end)`: no `^`, no copy of the rest
CONTEXT_AFTER = re.compile(r"(?:\s+(?:kommune|kommunes|kommunestyre|bystyre|fylkeskommune|by|sentrum|herad)\b"
                           r"|\s*\)|\s+i\s+[A-ZÆØÅ])")
KS_OFFICE = re.compile(r"\bKS[\s-]+$")
#: an institution named by the place it serves: `Universitetet i Agder` (`resources/institutions.txt`)
INSTITUTION_BEFORE = re.compile(r"(?<!\w)(?:" + resource_alternation("institutions.txt") + r")\s+(?:i|på)\s+$")
#: an institution's noun after the place it is named by (`Sørlandet sykehus`: `institutions_after.txt`)
#: an institution's or organisation's name that opens with a noun and the place (`Helse Bergen`,
#: `Fagforbundet Vestland`: `resources/institutions_before.txt`)
INSTITUTION_NOUN_BEFORE = re.compile(r"(?<!\w)(?:" + resource_alternation("institutions_before.txt") + r")\s+$")
INSTITUTION_AFTER = re.compile(r"\s+(?:" + resource_alternation("institutions_after.txt") + r")(?!\w)")
#: an organisation's name around a place: `NHO-Innlandet`, `NHO Innlandet`, `Rauma Energi`
ORG_BEFORE = re.compile(r"\b[A-ZÆØÅ]{2,}[\s-]$")
ORG_AFTER = re.compile(r"\s+(?!Kommune|Fylkeskommune)[A-ZÆØÅ][a-zæøå]+")
#: first parts left suspended before a hyphenated name, which they share its last part with
#: (`Nord- og Sør-Trøndelag`, `Nord-, Sør- og Midt-Troms`, `Nord- eller Sør-Fron`)
SUSPENDED_PARTS = re.compile(rf"(?<![\w-])((?:[{UPPER}]\w*-,\s*)*[{UPPER}]\w*-)\s+(?:og|eller)\s+$")
_FIRST_PART = re.compile(rf"[{UPPER}]\w*-")


@lru_cache(maxsize=1)
def automaton():
    """Aho-Corasick automaton: surface form -> (form, base form, is genitive)."""
    import ahocorasick

    auto = ahocorasick.Automaton()
    forms = entries()
    variants = {}  # official names written with a space for a hyphen or the other way round
    for form in forms:
        if " " in form or "-" in form:
            for other in (form.replace("-", " "), form.replace(" ", "-")):
                if other != form and other not in forms:
                    variants[other] = form
    for other, form in variants.items():
        auto.add_word(other, (other, form, False))
        if not other.endswith(("s", "x", "z")):
            auto.add_word(other + "s", (other + "s", form, True))
    for form in forms:
        auto.add_word(form, (form, form, False))
        if not form.endswith(("s", "x", "z")):
            auto.add_word(form + "s", (form + "s", form, True))
        auto.add_word(form + "'", (form + "'", form, True))
        auto.add_word(form + "’", (form + "’", form, True))
        if forms[form][0].kind == "kommune":
            # `Kongsvingerregionen`, with the linking s `Trondheimsregionen`, and their genitives
            for region in (form + "regionen", *(() if form.endswith(("s", "x", "z")) else (form + "sregionen",))):
                auto.add_word(region, (region, region, False))
                auto.add_word(region + "s", (region + "s", region, True))
    auto.make_automaton()
    return auto


def _region_compound(form: str) -> Place | None:
    """The region a municipality's name makes with `regionen` (`Kongsvingerregionen`, with the
    linking s `Trondheimsregionen`), in that municipality's counties."""
    base = form[: -len("regionen")]
    places = entries().get(base) or (entries().get(base[:-1]) if base.endswith("s") else None)
    if not places:
        return None
    p = places[0]
    return Place(form, "region", None, p.counties)


def find_mentions(text: str, person_spans=(), surnames=frozenset()) -> list[tuple[int, int, str, str]]:
    """(start, end, mention, base form) for every place mention in `text`, longest match first."""
    return _mentions(text, person_spans, surnames)[0]


#: What stands between two members of an enumeration: a comma, `og`/`eller`/`samt` (bokmål and
#: nynorsk), a slash, or a line break with an optional bullet.
ENUMERATION_GAP = re.compile(r"\s*(?:,\s*(?:(?:og|eller|samt)\s+)?|\s(?:og|eller|samt)\s|/|\n\s*[•·*–-]?)\s*")
#: A list item that is one name and nothing else (`• Sandnes`, `- Lillestrøm (fra høst 2022)`).
LIST_ITEM = re.compile(r"\s*[•·*–-]?\s*(?P<name>[^\W\d_][\w .'’-]*?)\s*(?:\([^)]*\))?\s*[.,;]?\s*")


@lru_cache(maxsize=1)
def _doubtful_names() -> frozenset[str]:
    """Names that count as places only with place context: common words (`ambiguous_places.txt`)
    and localities (`sted`)."""
    return ambiguous() | localities()


def _mentions(text: str, person_spans=(), surnames=frozenset()):
    """(places, doubtful): the place mentions of `text`, and the names that are also common words
    (`resources/ambiguous_places.txt`) found without place context. A doubtful name counts when
    it is a member of an enumeration whose neighbour is a place (`Bergen, Sandnes og Stavanger`):
    a list of places names places."""
    found = []
    amb = _doubtful_names()
    for end, (form, base, genitive) in automaton().iter(text):
        start = end - len(form) + 1
        after = text[end + 1 : end + 2]
        before = text[start - 1 : start] if start else ""
        if (before and (before.isalnum() or before in "'’")) or (after and after.isalnum()):
            continue
        found.append((start, end + 1, form, base))
    # keep the longest of overlapping matches
    found.sort(key=lambda m: (m[0], -(m[1] - m[0])))
    kept: list[tuple[int, int, str, str]] = []
    for m in found:
        if kept and m[0] < kept[-1][1]:
            continue
        kept.append(m)
    suspended = _suspended(text, kept)
    if suspended:
        kept = sorted(kept + suspended)
    out, doubtful = [], []
    for start, end, form, base in kept:
        if any(a <= start < b for a, b in person_spans):
            continue
        if base in surnames:
            continue
        if base in amb:
            if not (CONTEXT_BEFORE.search(text[max(0, start - 20):start]) or CONTEXT_AFTER.match(text, end)
                    or county_in_brackets().match(text, end) or on_region(text, end)
                    or KS_OFFICE.search(text[max(0, start - 5):start])):
                doubtful.append((start, end, form, base))
                continue
        out.append((start, end, form, base))
    if doubtful and out:  # members of an enumeration, each next to one that counts
        out, doubtful = _enumerated(text, out, doubtful)
    return out, doubtful


def _suspended(text: str, mentions) -> list[tuple[int, int, str, str]]:
    """The places named by first parts left suspended before a hyphenated name: `Nord-` in
    `Nord- og Sør-Trøndelag` is Nord-Trøndelag (the first part as written, the place it makes
    with the name's last part), when the gazetteer has that place."""
    out = []
    forms = entries()
    for start, _, _, base in mentions:
        if "-" not in base:
            continue
        m = SUSPENDED_PARTS.search(text, max(0, start - 80), start)
        if m is None:
            continue
        last = base.split("-", 1)[1]
        for part in _FIRST_PART.finditer(text, m.start(1), m.end(1)):
            if part.group() + last in forms:
                out.append((part.start(), part.end(), part.group(), part.group() + last))
    return out


def _enumerated(text: str, places: list, doubtful: list) -> tuple[list, list]:
    """(places, doubtful) after the doubtful names next to a place in an enumeration, or next to
    one that is so in turn, have joined the places: one pass forward, one back (linear)."""
    order = sorted([(m, True) for m in places] + [(m, False) for m in doubtful])
    ok = [counts for _, counts in order]
    for steps in (range(1, len(order)), range(len(order) - 2, -1, -1)):
        for k in steps:
            j = k - 1 if steps.step == 1 else k + 1
            if not ok[k] and ok[j]:
                a, b = (order[j][0], order[k][0]) if j < k else (order[k][0], order[j][0])
                ok[k] = ENUMERATION_GAP.fullmatch(text, a[1], b[0]) is not None
    return [m for (m, _), y in zip(order, ok) if y], [m for (m, _), y in zip(order, ok) if not y]


def _list_item(text: str, mentions) -> bool:
    """Whether `text` is a list item that is one of `mentions` and nothing else."""
    m = LIST_ITEM.fullmatch(text)
    return bool(m) and any(start == m.start("name") and end == m.end("name") for start, end, _, _ in mentions)


def in_organisation_name(text: str, start: int, end: int) -> bool:
    """True when the mention is part of an organisation's name (`NHO-Innlandet`, `Rauma Energi AS`,
    `Universitetet i Agder`, `Sørlandet sykehus`)."""
    if KS_OFFICE.search(text[max(0, start - 5) : start]):
        return False
    if ORG_BEFORE.search(text[max(0, start - 8) : start]) or INSTITUTION_BEFORE.search(text[max(0, start - 24) : start]) \
            or INSTITUTION_NOUN_BEFORE.search(text[max(0, start - 24) : start]) or INSTITUTION_AFTER.match(text, end):
        return True
    m = ORG_AFTER.match(text, end)
    return bool(m) and m.group().strip() not in entries() and not text.startswith((" og ", " i "), end)


def _resolve(base: str) -> list[Place]:
    if base.endswith("regionen") and base not in entries():
        p = _region_compound(base)
        return [p] if p else []
    return entries().get(base, [])


#: after a pair of counties, a plural says there are two (`Troms og Finnmark fylkeskommuner`)
PLURAL_AFTER = re.compile(r"\s+(?:fylkeskommuner|fylkeskommunar|fylkeskommunene|fylkeskommunane|fylker|fylka)\b")
SINGULAR_AFTER = re.compile(r"\s+(?:fylkeskommune|fylkeskommunen|fylke|fylket)\b")
#: the year the merged counties of the 2020 map were decided (Stortinget, June 2017) and began
#: to be written about as one: before it, `Troms og Finnmark` names two counties
MERGED_FROM = 2019


def _county_pair(base: str, text: str, end: int, year: int | None) -> list[str] | None:
    """The two counties a merged county's name enumerates (`Troms og Finnmark` -> Troms, Finnmark)
    when the article means them apart: a plural after it (`fylkeskommuner`, `fylka`), or a year
    in which the merged county did not exist (`Troms og Finnmark` in 2018); else None."""
    if " og " not in base:
        return None
    parts = base.split(" og ")
    forms = entries()
    if len(parts) != 2 or not all(any(p.kind == "fylke" for p in forms.get(part, ())) for part in parts):
        return None  # `Møre og Romsdal` is one county's name
    merged = next((p for p in forms.get(base, ()) if p.kind == "fylke"), None)
    if merged is None:
        return None
    if PLURAL_AFTER.match(text, end):
        return parts
    if SINGULAR_AFTER.match(text, end):
        return None  # `Troms og Finnmark fylkeskommune`: the merged county, even before it existed
    # before the merger was law (2018), the name enumerates; after it ended it is the former county
    return parts if year is not None and year < MERGED_FROM else None


def extract_places(paragraphs, year: int | None, person_spans=None, surnames=frozenset()):
    """Place mentions of one article: list of dicts (para_id, mention, Place, ks_office)."""
    person_spans = person_spans or {}
    raw = []
    found = [(p, *_mentions(p.text, person_spans.get(p.para_id, ()), surnames)) for p in paragraphs
             if p.kind not in NON_CONTENT_KINDS]
    # one sense per article: a name that needs place context (a common word, a locality) is a
    # place where the article names it as one elsewhere (`Herøy kommune ... Herøy satser på havbruk`)
    sure = {m[3] for _, places, _ in found for m in places}
    if any(d[3] in sure for _, _, doubtful in found for d in doubtful):
        found = [(p, sorted(places + [d for d in doubtful if d[3] in sure]), [d for d in doubtful if d[3] not in sure])
                 for p, places, doubtful in found]
    for k, (p, places, doubtful) in enumerate(found):
        if doubtful and p.kind == "bullet" and _list_item(p.text, doubtful) and any(
                found[j][0].kind == "bullet" and _list_item(found[j][0].text, found[j][1])
                for j in (k - 1, k + 1) if 0 <= j < len(found)):
            places = doubtful  # `• Sandnes` between `• Bergen` and `• Stavanger`: a list of places
        for start, end, form, base in places:
            office = bool(KS_OFFICE.search(p.text[max(0, start - 5) : start]))
            org = in_organisation_name(p.text, start, end)
            for part in _county_pair(base, p.text, end, year) or [base]:
                raw.append((p.para_id, form, where_written(_resolve(part), p.text, end, form), office, org))
    # a place inside an organisation's name counts only if the article also names it on its own
    alone = {tuple(r[2]) for r in raw if not r[4]}
    raw = [r[:4] for r in raw if not r[4] or tuple(r[2]) in alone]
    # a name two municipalities share: the one whose county the other places are in
    counties = Counter(c for _, _, places, _ in raw if len(places) == 1 for c in places[0].counties if c)
    out = []
    for para_id, form, places, office in raw:
        if not places:
            continue
        if len(places) > 1:
            ranked = sorted(places, key=lambda p: -sum(counties[c] for c in p.counties if c))
            best = ranked[0]
            if sum(counties[c] for c in best.counties if c) == sum(counties[c] for c in ranked[1].counties if c):
                best = Place(best.name, best.kind, None, (None, None, None))
            places = [best]
        out.append({"para_id": para_id, "mention": form, "place": places[0], "ks_office": office})
    return out


def infer_region(mentions, year: int | None, title_paras=frozenset(), lead_paras=None) -> tuple[str, str | None]:
    """(region, region_2024): the county an article is about, or `national`.

    A KS regional office (`KS Vestland`) decides; otherwise the county with most
    place mentions wins when it has at least 3 points and 60% of them (a county
    named counts 2, a municipality or region 1, mentions in the first paragraph
    double), and its places are mentioned more than once (a county named once, even in the
    first paragraph, is an example, as a municipality named once is: `KS er kontaktet av
    barnevernledere i Vestfold` in a story on a meeting with the government). A county
    supported only by its municipalities must also have one in the
    first third of the article (`lead_paras`): news put what a story is about first,
    and places further down are often examples. Anything less is `national`.
    """
    office = Counter()
    weight: Counter[str] = Counter()
    today: Counter[str] = Counter()
    for m in mentions:
        place: Place = m["place"]
        if place.kind == "utland":
            continue
        county = place.county_in(year)
        if not county:
            continue
        w = 2.0 if place.kind == "fylke" else 1.0
        if m["para_id"] in title_paras:
            w *= 2
        if m["ks_office"] and place.kind == "fylke":
            office[county] += 1
        weight[county] += w
        if place.counties[2]:
            today[place.counties[2]] += w
    if office:
        region = office.most_common(1)[0][0]
    elif weight:
        region, top = weight.most_common(1)[0]
        if top < 3 or top / sum(weight.values()) < 0.6:
            return "national", "national"
        if sum(m["place"].county_in(year) == region for m in mentions if m["place"].kind != "utland") < 2:
            return "national", "national"  # one mention is an example
        named = any(m["place"].kind == "fylke" and m["place"].county_in(year) == region for m in mentions)
        if not named and lead_paras is not None and not any(
                m["para_id"] in lead_paras and m["place"].county_in(year) == region for m in mentions):
            return "national", "national"
    else:
        return "national", "national"
    # today's county: the municipalities' 2024 county within the region, else the same name if it still exists
    inside = Counter()
    for m in mentions:
        p = m["place"]
        if p.kind in ("kommune", "region", "sted") and p.county_in(year) == region and p.counties[2]:
            inside[p.counties[2]] += 1
    if inside:
        county, n = inside.most_common(1)[0]
        # a county that was split (Viken) maps to today's only when most of its places agree
        return region, county if n / sum(inside.values()) > 0.5 else None
    from kslib.resources.gazetteer import counties_of

    return region, region if region in counties_of("2024") else None


def article_places(mentions, region: str, year: int | None) -> list[dict]:
    """The mentions that are places of the article: a county named only in a KS office's name
    (`For KS Viken ble nytt styre valgt`) is one only when it is the article's region; a place
    inside another organisation's name is left out already (`extract_places`)."""
    alone = {m["place"].name for m in mentions if not m["ks_office"]}
    return [m for m in mentions if not m["ks_office"] or m["place"].name in alone
            or m["place"].county_in(year) == region]


def article_region(paragraphs, mentions, year: int | None) -> tuple[str, str | None]:
    """(region, region on today's map) of an article from its place mentions: the title and the
    lead weigh most (see `infer_region`)."""
    content = [p.para_id for p in paragraphs if p.kind not in NON_CONTENT_KINDS]
    first = set(content[:1])
    lead = set(content[: max(3, (len(content) + 2) // 3)])
    return infer_region(mentions, year, first, lead)
