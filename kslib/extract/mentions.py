"""The people an article names: full names with a known first name or a title, their roles,
and their later mentions by surname (for pronoun and surname resolution)."""

from __future__ import annotations

import re
from bisect import insort

from kslib.extract import _fast_mentions as fast
from kslib.extract.name_shapes import without_genitive
from kslib.extract.people import (
    PRONOUNS,
    Registry,
    candidate_names,
    gender_of_given_names,
    is_title,
    pronoun_gender,
)
from kslib.extract.card_roles import credit_role, role_of_card, role_of_name_line
from kslib.extract.roles import PLURAL_TITLE, role_after, role_near, role_of_predicate

#: position = para_id * POS + character offset: POS exceeds any paragraph (positions are Python
#: integers, never stored), so a long paragraph never runs into the next one
POS = 1 << 40

_WORD = re.compile(r"[\w]+(?:-[\w]+)*")


def _word_before(text: str, start: int) -> str:
    """The white-space separated word just before `start` ("" at the start): the last of
    `text[:start].split()`, read back from `start` instead of splitting everything before it."""
    if start <= 1000:  # a split is faster on a short text
        found = text[:start].rsplit(None, 1)[-1:]
        return found[0] if found else ""
    end = start
    while end and text[end - 1].isspace():
        end -= 1
    begin = end
    while begin and not text[begin - 1].isspace():
        begin -= 1
    return text[begin:end]


def word_starts(text: str, word: str) -> list[int]:
    """Where `word` (itself a whole `_WORD`) stands in `text` as a whole `_WORD` match (the fast twin
    `_fast_mentions.word_starts` gives the same, and is what `find_people` uses)."""
    return [m.start() for m in _WORD.finditer(text) if m.group() == word]


#: between two names that share a plural title: `og`, maybe after a party or place in brackets
_BETWEEN_SHARED = re.compile(r"(?:\s*\([^()]{1,40}\))?\s+og\s+")


def _shared_role(text: str, last, start: int) -> str | None:
    """The plural title of the name before (`statsrådene X og Y`, `nestleiarane X og Y`) for the
    name after its `og`, which has no title of its own."""
    if last is None or _BETWEEN_SHARED.fullmatch(text, last[0], start) is None:
        return None
    role = last[1].role
    return role if role and " " not in role and PLURAL_TITLE.search(role) else None


#: what may stand before a name that opens a list's item (`• Hildegunn Thode Dalsnes Kommunedirektør ...`),
#: at most `_LIST_LEAD` characters of it: a name further in opens no line (and no copy of a long
#: paragraph's start is made for it: that made a paragraph of a million names quadratic)
_LIST_MARKS = " \t•·*–-"
_LIST_LEAD = 8
_NOT_SPACE = re.compile(r"\S")


def _opens_line(text: str, start: int) -> bool:
    """Whether the name at `start` opens its paragraph, or a list's item."""
    return start <= _LIST_LEAD and not text[:start].strip(_LIST_MARKS)


def _line_role(text: str, start: int, end: int) -> str | None:
    """The title on the line a name opens (a list's item too), after it (`roles.role_of_name_line`)."""
    return role_of_name_line(text, end) if _opens_line(text, start) else None


def _card_role(paragraphs, n: int, start: int, end: int) -> str | None:
    """The role on a contact card: a paragraph that is only the name, maybe the name again
    (a photo's text), then a line with the title (`Helge Eide` / `Helge Eide` /
    `Områdedirektør Interessepolitikk`); or a line that opens with the name and has the title
    after it (`Rolf Rønning – professor, Høgskolen i Lillehammer`)."""
    text = paragraphs[n].text
    if _NOT_SPACE.search(text, end):  # the title on the name's own line (`Rolf Rønning – professor, ...`)
        return _line_role(text, start, end)
    if start > 0:
        return None
    name = text.strip()
    for q in paragraphs[n + 1 : n + 3]:
        if q.text.strip() != name:
            return role_of_card(q.text)
    return None


#: paragraphs beside the text: a role written there gives way to one the text writes
_CAPTIONS = frozenset({"caption", "photo_credit"})


def find_people(paragraphs, paras) -> tuple[Registry, dict[int, list[tuple[int, int]]]]:
    """The people an article names (in `paragraphs`, credits included) and where their full names
    stand (para_id -> spans), with their later mentions by surname in `paras` (the text)."""
    registry = Registry()
    name_spans: dict[int, list[tuple[int, int]]] = {}
    from_caption: set[int] = set()  # people whose role a caption gave: the text's own role wins
    for n, p in enumerate(paragraphs):
        last = None  # (end, person) of the name before, for `statsrådene X og Y`
        for start, end, tokens in candidate_names(p.text, slot=True):
            known = gender_of_given_names(tokens) is not None
            prev = _word_before(p.text, start)
            titled = bool(prev) and is_title(prev)
            if not known and not (titled or role_after(p.text, end)
                                  or (p.kind != "boilerplate" and _line_role(p.text, start, end))):
                continue
            if not known and registry.match_full(tokens) is None and len(tokens) > 3:
                continue
            person = registry.add(without_genitive(tokens, p.text, end), p.para_id * POS + start)
            name_spans.setdefault(p.para_id, []).append((start, end))
            if person.role is None or (id(person) in from_caption and p.kind not in _CAPTIONS):
                role = role_near(p.text, start, end) or _shared_role(p.text, last, start) \
                    or _card_role(paragraphs, n, start, end) \
                    or (credit_role(p.text, end) if p.kind == "photo_credit" else None)
                if role is not None:
                    person.role = role
                    (from_caption.add if p.kind in _CAPTIONS else from_caption.discard)(id(person))
            last = (end, person)
    # later mentions by surname, for pronoun resolution (only surnames one person has)
    counts: dict[str, int] = {}
    for person in registry.people:
        counts[person.surname] = counts.get(person.surname, 0) + 1
    by_surname = {p.surname: p for p in registry.people if counts[p.surname] == 1}
    if by_surname:
        _later_mentions(paras, by_surname)
    _roles_said_later(paras, registry)
    return registry, name_spans


def _later_mentions(paras, by_surname: dict) -> None:
    """Each mention by surname alone (`sier Hansen`) added to its person's mentions; a sentence
    that opens with it may give them the title the text did not write beside the full name
    (`Hansen er ordfører i Bø.`)."""
    # a surname that is not a whole `_WORD` can never be one of its words
    by_surname = {s: p for s, p in by_surname.items() if _WORD.fullmatch(s)}
    known = {person.local_id: set(person.mentions) for person in by_surname.values()}
    for p in paras:
        text = p.text
        hits = [(start, person) for surname, person in by_surname.items() if surname in text
                for start in fast.word_starts(text, surname)]
        hits.sort(key=lambda hit: hit[0])
        for start, person in hits:
            pos = p.para_id * POS + start
            if pos not in known[person.local_id]:
                known[person.local_id].add(pos)
                insort(person.mentions, pos)
                if person.role is None and _opens_sentence(text, start):
                    person.role = role_after(text, start + len(person.surname))


#: a sentence that opens with a third-person pronoun and a copula or `har` (`Han er ordfører i Bø`,
#: `Han har ... stillingen som`), bokmål and nynorsk: what the sentence before said of its one
#: person, it goes on saying
#: (the pronoun first: a pattern that opens with a look-behind is tried at every character, 20
#: times slower; the sentence start is checked after, by `_opens_sentence`)
_PRONOUN_COPULA = re.compile(r"(" + "|".join(p.capitalize() for p in PRONOUNS)
                             + r")(?=\s+(?:er|var|blir|ble|blei|vert|vart|har)\s)")
_SENTENCE_END = re.compile(r"[.!?](?=\s)")  # (not at the end of what is searched: that is the sentence's own)


def _opens_sentence(text: str, start: int) -> bool:
    """Whether the word at `start` opens a sentence: the paragraph's (after a list's marks) or one
    after `.`, `!`, `?` or a closing guillemet; read from the few characters before it."""
    if start and (text[start - 1].isalnum() or text[start - 1] in "-'’"):
        return False  # inside a word (`Johan er`)
    before = text[max(0, start - _LIST_LEAD) : start].rstrip()
    return (start <= _LIST_LEAD and not before.strip(_LIST_MARKS)) or before[-1:] in (".", "!", "?", "»")


def _roles_said_later(paras, registry: Registry) -> None:
    """The title of a person the text names without one, from the sentence right after the one
    that names them, when it opens with a pronoun that can be theirs (`Person.may_be`) and a predicate
    (`roles.role_of_predicate`: `Gunnar Skaar har bakgrunn fra skolen. Han er en erfaren
    prosessleder.`; `Ho er ordførar i Etne.`). A sentence
    that names two people, or none, gives no one a role."""
    untitled = [p for p in registry.people if p.role is None]
    if not untitled:
        return
    previous = None  # (para_id, text) of the paragraph before
    for p in paras:
        for m in _PRONOUN_COPULA.finditer(p.text):
            if not _opens_sentence(p.text, m.start()):
                continue
            if m.start() > 0:
                ends = [e.end() for e in _SENTENCE_END.finditer(p.text, 0, len(p.text[: m.start()].rstrip()))]
                lo, hi = p.para_id * POS + (ends[-1] if ends else 0), p.para_id * POS + m.start()
            elif previous is not None:  # the pronoun opens the paragraph: the last sentence of the one before
                ends = [e.end() for e in _SENTENCE_END.finditer(previous.text.rstrip())]
                lo, hi = previous.para_id * POS + (ends[-1] if ends else 0), previous.para_id * POS + len(previous.text)
            else:
                continue
            named = [q for q in registry.people if any(lo <= pos < hi for pos in q.mentions)]
            gender = pronoun_gender(m.group(1))
            if len(named) == 1 and named[0].role is None and named[0].may_be(gender):
                named[0].role = role_of_predicate(p.text, m.end(1))
        previous = p
