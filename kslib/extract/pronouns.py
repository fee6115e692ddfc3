"""The gender of a person whose first name does not tell it, from the pronoun that refers to them
(`... sier Gram. Han tok opp ...`); `attribution` resolves `sier hun` itself."""

from __future__ import annotations

import re
from bisect import bisect_left

from kslib.extract.people import PRONOUNS, Person, pronoun_gender

#: A pronoun that opens the next sentence (`... sier Gram. Han tok opp ...`), bokmål and nynorsk.
_NEXT_PRONOUN = re.compile(r"[.!?]\s+(" + "|".join(p.capitalize() for p in PRONOUNS) + r")\b")
#: ... or the next paragraph
_OPENING_PRONOUN = re.compile(r"\s*(" + "|".join(p.capitalize() for p in PRONOUNS) + r")\b")
_SENTENCE_END = re.compile(r"[.!?](?=\s|$)")
_NON_SPACE = re.compile(r"\S")
#: characters: a longer "sentence" is no sentence a pronoun after it refers back to
MAX_SENTENCE = 600


def genders_from_pronouns(paras, people: list[Person]) -> None:
    """The gender of a person whose first name does not tell it (`Gram`, `Hartviksen`, a first
    name the list lacks) from the pronoun that opens the sentence right after a sentence that
    names them (`... sier Gram. Han tok opp ...`; `Ho` in nynorsk), when no other person is
    named in that sentence. Pronouns that disagree leave the gender missing; `gender_source` is
    `pronoun`. Linear in the text: one scan of each paragraph for every such person at once, and
    sentences longer than `MAX_SENTENCE` are passed over."""
    surnames: dict[str, list[Person]] = {}
    for p in people:
        if p.gender is None:
            surnames.setdefault(p.surname, []).append(p)
    unknown = {name: found[0] for name, found in surnames.items() if len(found) == 1}  # `Hansen` twice: whose?
    if not unknown:
        return
    words = {w for p in people for w in p.tokens}
    pattern = re.compile(r"(?<!\w)(" + "|".join(re.escape(n) for n in sorted(unknown, key=len, reverse=True))
                         + r")(?:s|'|’)?(?!\w)")
    said: dict[str, set[str]] = {}
    texts = [p.text for p in paras]
    for k, text in enumerate(texts):
        stops = None
        for m in pattern.finditer(text):
            if stops is None:
                stops = [e.start() for e in _SENTENCE_END.finditer(text)]
            person = unknown[m.group(1)]
            i = bisect_left(stops, m.end())
            start = stops[i - 1] + 1 if i else 0
            end = stops[i] if i < len(stops) else len(text)
            if end - start > MAX_SENTENCE or _names_other(text[start : m.start()], words, person) \
                    or _names_other(text[m.end() : end], words, person):
                continue  # `Kari Hansen takket Gram. Hun ...`: whose is the pronoun?
            if end < len(text) and _NON_SPACE.search(text, end + 1):
                nxt = _NEXT_PRONOUN.match(text, end)
            else:  # the sentence ends the paragraph: the pronoun opens the next one
                nxt = _OPENING_PRONOUN.match(texts[k + 1]) if k + 1 < len(texts) else None
            if nxt and pronoun_gender(nxt.group(1)) is not None:  # `Hen ...` tells no gender
                said.setdefault(m.group(1), set()).add(pronoun_gender(nxt.group(1)))
    for name, genders in said.items():
        if len(genders) == 1:
            unknown[name].gender, unknown[name].gender_source = genders.pop(), "pronoun"


def _names_other(text: str, words: set[str], person: Person) -> bool:
    """Whether `text` names a person other than `person` (one of their name words)."""
    return any(w in words and w not in person.tokens for w in re.findall(r"\w+", text))
