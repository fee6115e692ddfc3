"""The person an attribution names (`sier Helge Eide, områdedirektør i KS`, `sier hun`, `sa
Gangsø`, `sier statsråden`), or the body that speaks when it names no person (`sier juryen`)."""

from __future__ import annotations

import re
from bisect import bisect_right

from kslib.extract.mentions import POS
from kslib.extract.people import (
    PRONOUNS,
    Person,
    Registry,
    candidate_names,
    gender_of_given_names,
    is_body_noun,
    is_title,
    pronoun_gender,
)
from kslib.extract.quotes import PRONOUN_LOOKBACK, Unit, _sentence
from kslib.extract.roles import role_near
from kslib.structure.letters import LOWER, UPPER

#: the prepositions between a title and its organisation (`daglig leder i Visit Hitra`)
_OWNER_BEFORE = frozenset({"i", "ved", "hos", "for", "på"})
LONG_TITLE = 12  #: the most words a title before a speaker's name may have when a comma closes it


def _body(clause: str) -> str | None:
    """The body an attribution names when it names no person (`juryen`, `styret i KS`,
    `KS`), as written, or None."""
    words = clause.split()
    if not words:
        return None
    first = words[0].strip(".,:;!?")
    if re.fullmatch(r"[A-ZÆØÅ]{2,}", first):  # an acronym: `sier KS`, `meiner NHO`
        return first
    if is_body_noun(first):  # `juryen`, `utvalet`, `styret`
        # with what follows it in the same phrase: `styret i KS`, `juryen for prisen`
        m = re.match(r"\S+(?:\s+(?:i|for|til|fra|frå)\s+[A-ZÆØÅ][\w-]*(?:\s+[A-ZÆØÅ][\w-]*)*)?", clause)
        return m.group(0).strip(".,:;!?")
    return None


#: an attribution to two people named before (`sier de to`, `sier begge`, nynorsk `seier dei to`)
_BOTH = re.compile(r"(?:(?:de|dei)\s+(?:to|begge)|begge(?:\s+to)?)[.,!?]?(?:\s|$)", re.I)


class Resolver:
    """The person an attribution names: a full name, a surname, a first name, a role or a pronoun."""

    def __init__(self, paras, units: list[Unit], registry: Registry):
        self.paras, self.units, self.registry = paras, units, registry
        # paragraphs are looked up by id and by neighbourhood through these (never by a scan of all)
        self.para_ids = [p.para_id for p in paras]
        self.index = {p.para_id: n for n, p in enumerate(paras)}

    def _speaker_from(self, unit: Unit, cue: str, rest: str, pos: int) -> bool:
        sentence = _sentence(rest).strip()
        pair = self._pair_before(pos) if _BOTH.match(sentence) else None
        speaker = pair[0] if pair else self._resolve(sentence, pos, unit)
        unit.cue = cue
        unit.attribution = f"{cue} {sentence}"
        if pair:  # `sier de to`
            unit.speaker, unit.co_speakers = pair
            return True
        if speaker is None:
            unit.source = _body(sentence)
            return False
        unit.speaker = speaker
        other = self._joint(sentence, speaker, pos, unit)
        if other is not None:
            unit.co_speakers = [other]
        return True

    def _pair_before(self, pos: int) -> tuple[Person, list[Person]] | None:
        """The two people named in the last paragraph before `pos` that names anyone (`Kari
        Nordmann og Ola Hansen er enige. – ..., sier de to.`), in the order named; None when it
        names one, or more than two."""
        named = [(m, p) for p in self.registry.people if (m := p.latest_mention(pos - 1)) is not None]
        if not named:
            return None
        para = max(m for m, _ in named) // POS
        there = sorted((min(k for k in p.mentions if k // POS == para), p) for m, p in named if m // POS == para)
        return (there[0][1], [there[1][1]]) if len(there) == 2 else None

    def _joint(self, clause: str, speaker: Person, pos: int, unit: Unit) -> Person | None:
        """The second of two speakers in one attribution (`sier Nordmann og Hansen`, `seier
        ordførar Kari Nordmann og rådmann Ola Hansen`), or None."""
        m = re.search(r"\s+og\s+(?=\S)", clause)
        if m is None or not clause[: m.start()].rstrip(" ,").endswith(speaker.surname):
            return None  # `og` right after the first speaker's name, not `klima- og miljøminister`
        rest = clause[m.end():]
        first = rest.split()[0].strip(".,:;")
        if not (first[:1].isupper() or is_title(first.lower())):
            return None  # `sier Nordmann og legger til`
        other = self._resolve(rest, pos, unit)
        return other if other is not None and other is not speaker else None

    def _person(self, tokens, text, start, end, pos) -> Person:
        known = self.registry.match_full(tokens)
        if known is None:
            ref = self.registry.resolve_word(tokens, pos)
            if ref is not None and (" ".join(ref.given) == " ".join(tokens) or ref.surname == tokens[-1]):
                return ref
        person = self.registry.add(tokens, pos)
        if person.role is None:
            person.role = role_near(text, start, end)
        return person

    def _last_quote(self, unit: Unit) -> Unit | None:
        """The last quote that ends no later than `unit` and has a speaker (not `unit`), among
        the `PRONOUN_LOOKBACK` quotes before it (units are in order of their end)."""
        ends = self._unit_ends
        for k in range(bisect_right(ends, unit.end_para) - 1, max(-1, bisect_right(ends, unit.end_para) - 1
                                                                    - PRONOUN_LOOKBACK), -1):
            u = self.units[k]
            if u.speaker is not None and u is not unit:
                return u
        return None

    def _pronoun_speaker(self, gender: str | None, pos: int, unit: Unit) -> Person | None:
        """Who `sa hun` / `sier han` / `sier hen` (`gender` None: anyone) is: the speaker of the quote before, unless a person of that
        gender was named after that quote ended (`Jenny Følling var også opptatt av ... – ..., sa
        hun.`: the newly named person speaks)."""
        last = self._last_quote(unit)
        nearest = self.registry.nearest_before(pos, gender)
        if last is not None and last.speaker.may_be(gender):
            if nearest is None or nearest is last.speaker:
                return last.speaker
            named = nearest.latest_mention(pos)
            if named is None or named < (last.end_para + 1) * POS:
                return last.speaker
        return nearest

    def _resolve(self, clause: str, pos: int, unit: Unit) -> Person | None:
        """The person an attribution clause names (`Helge Eide, områdedirektør i KS`, `hun`, `Gangsø`)."""
        words = clause.split()
        if not words:
            return None
        first = words[0].strip(".,:;").lower()
        if first in PRONOUNS:
            gender = pronoun_gender(first)
            cand = self._pronoun_speaker(gender, pos, unit)
            if cand is not None and cand.gender is None and gender is not None:
                cand.gender, cand.gender_source = gender, "pronoun"
            return cand
        head = " ".join(words[:LONG_TITLE + 4])
        for start, end, tokens in candidate_names(head, slot=True):
            if start > 0 and not re.fullmatch(r"[\w\s'’.,-]*", head[:start]):
                break
            lead = head[:start].split()  # a title of up to 6 words, or up to 12 closed by a comma
            apposition = 6 < len(lead) <= LONG_TITLE and lead[-1].endswith(",") and is_title(lead[0].lower())
            if len(lead) > 6 and not apposition:  # (`sa direktør for forskning, ... i KS, Kari Nordmann`)
                break
            if lead and lead[-1] in _OWNER_BEFORE and head.startswith(",", end) and gender_of_given_names(tokens) is None:
                continue  # `daglig leder i Visit Hitra, Ola Nordmann`: the title's organisation, then the name
            person = self._person(tokens, head, start, end, pos)
            person.role = person.role or (" ".join(lead).rstrip(",") if apposition else None)
            return person
        # one capitalised word (surname or first name), maybe after a title: `sier Gangsø`, `sa rådmann Julin`
        for i, w in enumerate(words[:4]):
            token = w.strip(".,:;!?")
            if re.fullmatch(rf"[{UPPER}][{LOWER}]+(?:-[{UPPER}][{LOWER}]+)?", token):
                ref = self.registry.resolve_word([token], pos)
                if ref is not None:
                    return ref
                # a surname the article never wrote in full (`sa Hartviksen.`)
                nxt = words[i + 1] if i + 1 < len(words) else ""
                if i == 0 and (w[-1] in ".,!?" or not nxt or nxt[0].islower() or nxt[0] == "("):  # `Emma (17)`
                    return self.registry.misspelt(token) or self.registry.add([token], pos)
                continue
            if not (token.islower() or token.endswith(("'", "’"))):
                break
        # a role the article already tied to a person: `sa statsråden`, `sier KS' styreleder`
        for w in words[:4]:
            token = w.strip(".,:;!?").lower()
            ref = self.registry.by_role(token, pos) if token else None
            if ref is not None:
                return ref
        return None
