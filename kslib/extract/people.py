"""People in an article: names, the role written next to them, role group, gender.

Names are found as runs of capitalised words that start with a known first name
(`resources/first_names.tsv`, from gender-guesser) or that stand in a name slot
(after a title, or after an attribution verb). Later references by surname
(`sier Gangsø`) or first name (`sier Jan Erik`) resolve to the nearest preceding
full name. `speakers.to_speakers` folds people across articles into one row per person.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right, insort
from dataclasses import dataclass, field
from functools import lru_cache

from kslib.config import resource_lines, resource_mapping, resource_rows
from kslib.extract.name_shapes import MUNICIPALITY_NOUN, PARTIES, is_place
from kslib.structure.letters import LOWER, UPPER
from kslib.structure.tokens import in_word_list

NAME_TOKEN = rf"[{UPPER}][{LOWER}]+(?:-[{UPPER}][{LOWER}]+)?"
#: particles inside a name, one or two (`Jan de Vries`, `Kari van der Berg`)
_PARTICLES = ("van", "von", "de", "der", "den", "af", "la", "le", "da", "di", "bin", "al")
PARTICLE = "(?:" + "|".join(_PARTICLES) + ")"
INITIAL = rf"[{UPPER}]\."
#: Runs of 2-5 capitalised words (one word is never a name; the look-behind keeps a run from
#: starting inside a word, so requiring two words finds the same runs as allowing one): the rule.
NAME_RUN_PLAIN = re.compile(rf"(?<![\w-])({NAME_TOKEN}(?:\s+(?:(?:{PARTICLE}\s+){{1,2}}|{INITIAL}\s+)?{NAME_TOKEN}){{1,4}})(?![\w-])")
#: Its fast twin, the one used: the look-behind stands after the first capital (`(?<![\w-].)`: what
#: precedes that capital), so that `re` can skip quickly to the capitals: twice as fast.
NAME_RUN = re.compile(
    rf"([{UPPER}](?<![\w-].)[{LOWER}]+(?:-[{UPPER}][{LOWER}]+)?"
    rf"(?:\s+(?:(?:{PARTICLE}\s+){{1,2}}|{INITIAL}\s+)?{NAME_TOKEN}){{1,4}})(?![\w-])"
)
#: Words that end an organisation's or a place's name, not a person's (`resources/org_words.txt`).
ORG_WORDS = frozenset(resource_lines("org_words.txt"))
#: Organisations known by their name alone (`resources/organisations.txt`: `LO`, `Unio`, `Akademikerne`).
KNOWN_ORGANISATIONS = frozenset(resource_lines("organisations.txt"))
#: Pronouns that refer back to a speaker, with their gender (`resources/pronouns.tsv`).
#: Definite and plural endings, longest first (`resources/definite_endings.txt`).
DEFINITE_ENDINGS = tuple(resource_lines("definite_endings.txt"))
#: `-`: a pronoun that gives no gender (`hen`); see `pronoun_gender`
PRONOUNS = resource_mapping("pronouns.tsv", "pronoun", "gender", delimiter="\t")


def pronoun_gender(pronoun: str) -> str | None:
    """`F` or `M` for a gendered pronoun (`hun`, `ho`, `han`), None for `hen` (any person)."""
    gender = PRONOUNS[pronoun.lower()]
    return None if gender == "-" else gender


@lru_cache(maxsize=1)
def first_names() -> dict[str, str]:
    """First name -> 'F' or 'M' (gender-guesser's list, see scripts/build_first_names.py,
    plus the hand-added Norwegian names in first_names_extra.tsv)."""
    out: dict[str, str] = {}
    for name in ("first_names.tsv", "first_names_extra.tsv"):
        out.update(resource_mapping(name, "name", "gender", delimiter="\t"))
    return out


def gender_of_first_name(token: str) -> str | None:
    """'F'/'M' for a first name; a hyphenated one (`Dag-Henrik`) by its first part."""
    names = first_names()
    return names.get(token) or names.get(token.split("-")[0])


def gender_of_given_names(tokens) -> str | None:
    """'F'/'M' by the first of a name's given names (all its words but the last) that the name
    list knows: `Sølve Monica Steffensen` by `Monica`, when `Sølve` is not in it. A name of one
    word (`sier Emma`) is judged by that word: a surname is in no list of first names."""
    return next((g for g in map(gender_of_first_name, tokens[:-1] or tokens[:1]) if g), None)


@lru_cache(maxsize=1)
def name_stopwords() -> frozenset[str]:
    return frozenset(resource_lines("name_stopwords.txt"))


@lru_cache(maxsize=1)
def titles() -> tuple[dict[str, str], list[tuple[str, str]]]:
    """(exact title -> group, [(suffix, group)] longest first) from `titles.csv`."""
    exact, suffix = {}, []
    for row in resource_rows("titles.csv"):
        if row["match"] == "exact":
            exact[row["title"]] = row["role_group"]
        else:
            suffix.append((row["title"], row["role_group"]))
    suffix.sort(key=lambda x: -len(x[0]))
    return exact, suffix


@lru_cache(maxsize=100_000)
def title_group(word: str) -> str | None:
    """Role group of one word when it is a title (`områdedirektør` -> KS), else None."""
    w = word.lower().strip(",.:;()'’")
    exact, suffix = titles()
    # the word as written, then without a definite or plural ending (kommunedirektørene)
    for form in (w, *(w[: -len(e)] for e in DEFINITE_ENDINGS if w.endswith(e) and len(w) - len(e) >= 4)):
        if form in exact:
            return exact[form]
        for suf, group in suffix:
            if form.endswith(suf):
                return group
    return None


def _role_synonyms() -> dict[str, set[str]]:
    """title -> the titles of the same office (`resources/role_synonyms.tsv`, both ways)."""
    out: dict[str, set[str]] = {}
    for row in resource_rows("role_synonyms.tsv", delimiter="\t"):
        out.setdefault(row["title"], set()).add(row["same_as"])
        out.setdefault(row["same_as"], set()).add(row["title"])
    return out


ROLE_SYNONYMS = _role_synonyms()


def is_title(word: str) -> bool:
    return title_group(word) is not None


#: Nouns of bodies that speak as one (`resources/bodies.txt`: `jury`, `utvalg`, `direktorat`).
BODY_NOUNS = frozenset(resource_lines("bodies.txt"))


def is_body_noun(word: str, compound: bool = False) -> bool:
    """Whether `word` is a body's noun, bare or definite (`juryen`, `utvalet`, `styret`: a neuter
    in -e takes only -t); with `compound`, also a word that ends in one (`Helsedirektoratet`,
    `Totalberedskapskommisjonen`)."""
    low = word.lower()
    stems = [low, *(low[: -len(e)] for e in (*DEFINITE_ENDINGS, "t") if low.endswith(e))]
    if compound:
        return any(stem.endswith(noun) for stem in stems for noun in BODY_NOUNS)
    return any(stem in BODY_NOUNS for stem in stems)


def normalise_name(name: str) -> str:
    """Key for comparing names: case, whitespace and diacritics folded."""
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return re.sub(r"[\s\-]+", " ", stripped).strip()


@dataclass
class Person:
    """One person in one article."""

    local_id: str
    name: str
    tokens: list[str]
    first_pos: int
    role: str | None = None
    gender: str | None = None
    gender_source: str | None = None
    n_quotes: int = 0
    mentions: list[int] = field(default_factory=list)  # positions, sorted (kept so by `insort`)
    #: the last name token and those before it, set from `tokens` (looked up for every name seen)
    surname: str = field(init=False)
    given: list[str] = field(init=False)

    def __post_init__(self):
        self.surname = self.tokens[-1]
        self.given = self.tokens[:-1]

    def may_be(self, gender: str | None) -> bool:
        """Whether a pronoun of `gender` (`F`, `M`; None for `hen`, anyone) can refer to this person:
        of that gender, or of one not known."""
        return gender is None or self.gender in (None, gender)

    def latest_mention(self, pos: int) -> int | None:
        """The last mention at or before `pos` (None when there is none)."""
        k = bisect_right(self.mentions, pos)
        return self.mentions[k - 1] if k else None


def _edit1(a: str, b: str) -> bool:
    """True when a and b differ by at most one substitution, insertion or deletion."""
    if a == b:
        return True
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b)) == 1
    if len(a) > len(b):
        a, b = b, a
    return any(a == b[:i] + b[i + 1:] for i in range(len(b)))


_NON_SPACE = re.compile(r"\S+")


def candidate_names(text: str, *, slot: bool = False) -> list[tuple[int, int, list[str]]]:
    """(start, end, tokens) of person-name candidates in `text`.

    A candidate is a run of 2-5 capitalised words whose first word is a known
    first name (not one of `name_stopwords.txt`). With `slot=True` (the text stands
    where a name must be, e.g. after `sier`), any run of two or more capitalised
    words counts.
    """
    out = []
    for m in NAME_RUN.finditer(text):
        found = _name_in_run(m.group(1), slot)
        if found is not None:
            offset = m.start(1)
            out.append((found[0] + offset, found[1] + offset, list(found[2])))
    return out


@lru_cache(maxsize=50_000)
def _name_in_run(run: str, slot: bool) -> tuple[int, int, tuple[str, ...]] | None:
    """(start, end, tokens) of the name in one `NAME_RUN` match, relative to it, or None.
    Cached: the same names recur within and across articles."""
    stop = name_stopwords()
    spans = [(t.start(), t.end(), t.group()) for t in _NON_SPACE.finditer(run)]
    # drop leading sentence starts, stop words and titles (`Statssekretær Gunn Karin Gjul`)
    while spans and (spans[0][2] in stop or is_title(spans[0][2])):
        spans = spans[1:]
    # cut at an organisation word or a stop word (`Harstad Kommune`, `Kari Nordmann Foto`), and
    # after a surname at a party tag or a title (`Ola Hansen Sp`: the name is two words, not three;
    # `Anne Kari Lund` keeps her middle name). A municipality's name there is a surname
    # (`Sølvi Åsebø Hjelmeland`): running text writes a person's place with `fra` or a comma;
    # after a particle it is a place (`Kari Nordmann der Bergen`: `der` is `there`).
    for i, (_, _, tok) in enumerate(spans):
        if i > 0 and (tok.lower() in ORG_WORDS or tok in stop):
            if _compass_surname(spans, i):
                continue  # `Mette Nord`: the point of the compass after a first name is her surname
            spans = spans[:i]
            break
        if i >= 2 and not gender_of_first_name(spans[i - 1][2]) and (
                tok in PARTIES or is_title(tok.lower()) or spans[i - 1][2] in _PARTICLES and is_place(tok)):
            spans = spans[:i]  # ... or a title (`Gunn Marit Helgesen Styreleder`)
            break
    known = next((i for i, sp in enumerate(spans)
                  if gender_of_first_name(sp[2]) and sp[2] not in stop and len(spans) - i >= 2), None)
    if known is not None:
        if known > 0 and _unlisted_first_name(spans[known - 1][2]):
            known -= 1  # `Sølve Monica Steffensen`: a first name the list lacks, before one it has
        spans = spans[known:]
    elif not slot:
        return None
    while spans and spans[-1][2] in _PARTICLES:  # cut before a place: `Ola Nordmann der Bergen`
        spans = spans[:-1]
    if len(spans) < 2 or (spans[-1][2] in stop and not _compass_surname(spans, len(spans) - 1)):
        return None
    return spans[0][0], spans[-1][1], tuple(sp[2] for sp in spans)


#: points of the compass: in name_stopwords.txt, as they start a region's name (`Nord-Norge`,
#: `Vest Finnmark`), but a surname at the end of a name (`Mette Nord`)
_COMPASS = frozenset({"Nord", "Sør", "Vest", "Øst"})


def _compass_surname(spans, i: int) -> bool:
    """Whether the `i`th word of a run is a point of the compass that ends it right after a
    known first name: a surname (`Mette Nord`)."""
    return (spans[i][2] in _COMPASS and i == len(spans) - 1 and i > 0
            and gender_of_first_name(spans[i - 1][2]) is not None)


def _unlisted_first_name(word: str) -> bool:
    """Whether `word`, right before a known first name, is a first name the name list lacks: a short
    capitalised word that is no title, place (or a place's genitive: `Bodøs`), party or
    organisation word, and no word of the language (`Styret`, `Tirsdag`: `tokens.in_word_list`)."""
    return (word.isalpha() and word[1:].islower() and len(word) <= 10 and not is_title(word)
            and not is_place(word) and not (word.endswith("s") and is_place(word[:-1]))
            and word not in PARTIES and word.lower() not in ORG_WORDS and not in_word_list(word))


def _same_person(p: Person, tokens: list[str]) -> bool:
    """A full name that is not `p`'s name still names `p`: the same first names and a one-letter
    typo in a surname of 4+ letters; the given names alone (`Jan Erik` for `Jan Erik Innvær`); or a
    shorter form (`Tor Gangsø` for `Tor Arne Gangsø`). Each needs the same first token, but for a
    one-word name (a surname typo)."""
    return ((p.given == tokens[:-1] and len(tokens[-1]) >= 4 and _edit1(p.surname.lower(), tokens[-1].lower()))
            or (len(p.tokens) > len(tokens) and p.given == tokens)
            or (len(tokens) < len(p.tokens) and tokens[0] == p.tokens[0] and tokens[-1] == p.surname))


def match_full_plain(people: list[Person], tokens: list[str]) -> Person | None:
    """The person a full name is, by a scan over every person in order: the same name, else the
    first `_same_person` (`Registry.match_full` gives the same from its indexes)."""
    name = " ".join(tokens)
    return next((p for p in people if p.name == name), None) or next(
        (p for p in people if _same_person(p, tokens)), None)


class Registry:
    """The people of one article, with surname and first-name resolution."""

    def __init__(self):
        self.people: list[Person] = []
        self.by_name: dict[str, Person] = {}  # full name -> the first person with it
        self.by_first: dict[str, list[Person]] = {}  # first name token -> its people, in order

    def add(self, tokens: list[str], pos: int) -> Person:
        """The person for a full name at position `pos` (new or already known)."""
        found = self.match_full(tokens)
        if found is not None:
            insort(found.mentions, pos)
            if found.given == tokens[:-1] and found.surname == tokens[-1] + "s":
                # first written in the genitive (`Kari Nordmanns forslag`), now as a name: that is it
                found.name, found.tokens = " ".join(tokens), list(tokens)
                found.surname = tokens[-1]
                self.by_name.setdefault(found.name, found)
            return found
        person = Person(f"p{len(self.people) + 1:02d}", " ".join(tokens), tokens, pos, mentions=[pos])
        gender = gender_of_given_names(tokens)
        if gender:
            person.gender, person.gender_source = gender, "name"
        self.people.append(person)
        self.by_name.setdefault(person.name, person)
        self.by_first.setdefault(tokens[0], []).append(person)
        return person

    def match_full(self, tokens: list[str]) -> Person | None:
        """`match_full_plain`, looked up in the indexes: the full name, else only the people with
        the same first token (all of them for a one-word name)."""
        found = self.by_name.get(" ".join(tokens))
        if found is not None:
            return found
        candidates = self.people if len(tokens) == 1 else self.by_first.get(tokens[0], ())
        return next((p for p in candidates if _same_person(p, tokens)), None)

    def resolve_word(self, words: list[str], pos: int) -> Person | None:
        """A person referred to by surname or first name(s), nearest before `pos` first."""
        key = " ".join(words)

        def latest(p: Person) -> int:  # the person's last mention up to `pos`
            m = p.latest_mention(pos)
            return p.first_pos if m is None else m

        def by_surname(p: Person) -> bool:
            return p.surname == key or " ".join(p.tokens[-len(words):]) == key

        def by_given(p: Person) -> bool:
            return " ".join(p.given) == key or p.tokens[0] == key

        before = [p for p in self.people if p.first_pos <= pos]
        after = [p for p in self.people if p.first_pos > pos]
        for pool, nearest in ((before, True), (after, False)):
            for rule in (by_surname, by_given):
                hits = [p for p in pool if rule(p)]
                if hits:  # before: the one mentioned last (ties: the first named); after: the first
                    return max(hits, key=latest) if nearest else hits[0]
        if len(words) == 1 and len(key) > 4 and key.endswith("s") and not key.endswith("ss"):
            return self.resolve_word([key[:-1]], pos)  # a genitive: `Hansens forslag`
        return None

    def misspelt(self, word: str) -> Person | None:
        """The one person named in full whose surname is `word` with one letter added, dropped or
        changed (`sa Fuglestvei` after `Gry Fuglestveit`), for words of 6 letters or more."""
        hits = [p for p in self.people if len(p.tokens) > 1 and len(word) >= 6 and _edit1(p.surname, word)]
        return hits[0] if len(hits) == 1 else None

    def by_role(self, role_word: str, pos: int) -> Person | None:
        """Nearest preceding person whose role contains `role_word` (`statsråden` -> statsråd)."""
        stem = role_word.lower()
        for suffix in DEFINITE_ENDINGS:
            if stem.endswith(suffix) and is_title(stem[: -len(suffix)]):
                stem = stem[: -len(suffix)]
                break
        stems = {stem, *ROLE_SYNONYMS.get(stem, ())}
        # the nearest person before with that title; else the first named after (`- ..., sa
        # statsråden.` before `Det var kommunal- og distriktsminister Sigbjørn Gjelsvik som ...`)
        titled = [p for p in self.people if p.role and any(s in p.role.lower() for s in stems)]
        before = [p for p in titled if p.first_pos <= pos]
        if before:
            return max(before, key=lambda p: p.first_pos)
        return min(titled, key=lambda p: p.first_pos) if titled else None

    def nearest_before(self, pos: int, gender: str | None = None) -> Person | None:
        cands = [p for p in self.people if p.first_pos <= pos and p.may_be(gender)]
        if not cands:
            return None
        return max(cands, key=lambda p: p.first_pos if p.latest_mention(pos) is None else p.latest_mention(pos))
