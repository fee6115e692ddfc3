"""Direct quotes and who said them, for bokmål and nynorsk.

Quote forms: a paragraph opening with a dash (`-`, `–`, `—`, with or without a
space), and text inside `«...»` (also over several paragraphs). Attribution is
read after the quote (`..., sier X.`), in an attribution line after it (`Dette
sier X`, `sier X`), or in an introduction before it ending in a colon (`X
tilføyer:`). A dash paragraph without attribution continues the speaker of the
quote before it across at most one short bridging paragraph. Cue verbs live in
`resources/cue_verbs.csv`. When a speaker cannot be found, the quote is kept
with `speaker_id` missing rather than given an invented speaker.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right, insort
from dataclasses import dataclass
from functools import lru_cache

from .config import resource_rows
from .people import (
    LOWER,
    PRONOUNS,
    UPPER,
    Person,
    Registry,
    candidate_names,
    gender_of_first_name,
    is_title,
    organisation_of,
    role_after,
    role_group,
    role_near,
)
from .structure import is_word_char

#: position = para_id * POS + character offset: POS exceeds any paragraph (positions are Python
#: integers, never stored), so a long paragraph never runs into the next one
POS = 1 << 40
SKIP_KINDS = {"boilerplate", "photo_credit"}
BRIDGE_MAX_WORDS = 60
#: Characters before and after a «» quote that attribution reads (`Unit.before`, `Unit.after`):
#: twice the longest paragraph of every article we have seen (951). Copying the whole rest of
#: the paragraph for every quote made a paragraph of many quotes quadratic.
QUOTE_CONTEXT = 2000
#: A pronoun (`sier hun`) refers back to the speaker of one of the quotes before it, at most this
#: many back (an article has a few dozen quotes; the bound keeps a text of thousands linear).
PRONOUN_LOOKBACK = 50
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


def _word_starts(text: str, word: str):
    """Where `word` (itself a whole `_WORD`) stands in `text` as a whole `_WORD` match.

    The same positions as `m.start() for m in _WORD.finditer(text) if m.group() == word`,
    found with `str.find`: a `_WORD` match starts where neither a word character nor a
    hyphen joined to one precedes, and ends where neither follows."""
    n, pos = len(text), 0
    while (start := text.find(word, pos)) >= 0:
        pos = start + 1
        end = start + len(word)
        if start and (is_word_char(text[start - 1])
                      or (text[start - 1] == "-" and start > 1 and is_word_char(text[start - 2]))):
            continue
        if end < n and (is_word_char(text[end])
                        or (text[end] == "-" and end + 1 < n and is_word_char(text[end + 1]))):
            continue
        yield start


@lru_cache(maxsize=1)
def cue_verbs() -> dict[str, str]:
    """Cue verb -> particle that may follow the speaker ('' for none)."""
    verbs: dict[str, str] = {}
    for row in resource_rows("cue_verbs.csv"):
        verbs.setdefault(row["verb"], row["particle"] or "")
    return verbs


@lru_cache(maxsize=1)
def _patterns():
    alt = "|".join(sorted(map(re.escape, cue_verbs()), key=len, reverse=True))
    cue = rf"(?P<cue>(?:{alt}))"
    return {
        # `..., sier X` / `...» sier X` / `...? spør X` inside the quote's paragraph
        "after": re.compile(rf"(?:,|[.!?…]\s*»?|»\s*,?)\s*(?:[-–—]\s*)?{cue}\s+(?=\S)"),
        # a line that only attributes: `sier områdedirektør X` / `Dette sier X` / `Det meiner X`
        "line": re.compile(rf"^(?:(?:dette|det|slik|så|dét|sånn)\s+)?{cue}\s+(?P<rest>\S.*)", re.I | re.S),
        # an introduction: `X tilføyer:` / `Administrerende direktør i KS, Lasse Hansen, uttaler:`
        "cue": re.compile(rf"(?<![\w-]){cue}(?![\w-])"),
        # a cue right after a «» span: `«...», sier X` (and with a dash: `«...» - sier X`)
        "cue_after": re.compile(rf"\s*[,.!?]?\s*(?<![\w-]){cue}(?![\w-])\s"),
        "cue_right_after": re.compile(rf"\s*[,.!?]?\s*(?:[-–—]\s*)?(?<![\w-]){cue}(?![\w-])\s+(?=\S)"),
    }


_SENTENCE_STOP = re.compile(r"(?<!\b[A-ZÆØÅa-zæøå])[.!?](?:\s|$)")
_DASH = re.compile(r"^[-–—]\s*")


@dataclass
class Unit:
    """One direct quote: a dash paragraph or a «» span."""

    form: str
    para_id: int
    end_para: int
    text: str
    after: str  # text of the end paragraph after the quote (for dash: the whole paragraph)
    before: str  # text of the start paragraph before the quote
    speaker: Person | None = None
    cue: str | None = None
    attribution: str | None = None
    local_id: str = ""


def _sentence(rest: str) -> str:
    m = _SENTENCE_STOP.search(rest)
    return rest[: m.start() + 1] if m else rest


class ArticleQuotes:
    """Runs quote and people extraction over one article's paragraphs."""

    def __init__(self, paragraphs):
        self.paras = [p for p in paragraphs if p.kind not in SKIP_KINDS]
        # paragraphs are looked up by id and by neighbourhood through these (never by a scan of all)
        self.para_ids = [p.para_id for p in self.paras]
        self.index = {p.para_id: n for n, p in enumerate(self.paras)}
        # people named outside the text are people too: photographers in credits
        # (`Foto: Hege K. Fosser Pedersen`), speakers in links to their slides
        self.name_paras = list(paragraphs)
        self.kind = {p.para_id: p.kind for p in paragraphs}
        self.registry = Registry()
        self.units: list[Unit] = []
        self.name_spans: dict[int, list[tuple[int, int]]] = {}

    # -- people -------------------------------------------------------------
    def find_people(self) -> None:
        for p in self.name_paras:
            for start, end, tokens in candidate_names(p.text, slot=True):
                known = gender_of_first_name(tokens[0]) is not None
                prev = _word_before(p.text, start)
                titled = bool(prev) and is_title(prev)
                if not known and not (titled or role_after(p.text, end)):
                    continue
                if not known and self.registry.match_full(tokens) is None and len(tokens) > 3:
                    continue
                person = self.registry.add(tokens, p.para_id * POS + start)
                self.name_spans.setdefault(p.para_id, []).append((start, end))
                if person.role is None:
                    person.role = role_near(p.text, start, end)
        # later mentions by surname, for pronoun resolution (only surnames one person has)
        counts: dict[str, int] = {}
        for person in self.registry.people:
            counts[person.surname] = counts.get(person.surname, 0) + 1
        by_surname = {p.surname: p for p in self.registry.people if counts[p.surname] == 1}
        if not by_surname:
            return
        # a surname that is not a whole `_WORD` can never be one of its words
        by_surname = {s: p for s, p in by_surname.items() if _WORD.fullmatch(s)}
        known = {person.local_id: set(person.mentions) for person in by_surname.values()}
        for p in self.paras:
            text = p.text
            hits = [(start, person) for surname, person in by_surname.items() if surname in text
                    for start in _word_starts(text, surname)]
            hits.sort(key=lambda hit: hit[0])
            for start, person in hits:
                pos = p.para_id * POS + start
                if pos not in known[person.local_id]:
                    known[person.local_id].add(pos)
                    insort(person.mentions, pos)

    # -- quote units ----------------------------------------------------------
    def find_units(self) -> None:
        covered: set[int] = set()
        for i, p in enumerate(self.paras):
            if p.para_id in covered:
                continue
            if p.kind == "quote" and p.text.startswith(("-", "–", "—")):
                if self._is_teaser(i) or self._is_pull_quote(i):
                    continue
                text = _DASH.sub("", p.text)
                self.units.append(Unit("dash", p.para_id, p.para_id, text, text, ""))
                continue
            if p.kind in ("bullet", "title"):
                continue
            self._guillemets(i, covered)

    def _guillemets(self, i: int, covered: set[int]) -> None:
        p = self.paras[i]
        text = p.text
        pos = 0
        while True:
            start = text.find("«", pos)
            if start < 0:
                return
            depth, j, end = 0, start, -1
            while j < len(text):
                if text[j] == "«":
                    depth += 1
                elif text[j] == "»":
                    depth -= 1
                    if depth == 0:
                        end = j
                        break
                j += 1
            if end >= 0:
                inner = text[start + 1 : end]
                unit = Unit("guillemets", p.para_id, p.para_id, inner, text[end + 1 : end + 1 + QUOTE_CONTEXT],
                            text[max(0, start - QUOTE_CONTEXT) : start])
                if self._is_quote(unit, at_start=start == 0):
                    self.units.append(unit)
                pos = end + 1
                continue
            # the span runs on into the next paragraphs until a closing »
            parts, k = [text[start + 1 :]], i + 1
            while k < len(self.paras) and k <= i + 6:
                nxt = self.paras[k]
                if nxt.kind in ("heading", "title") or nxt.text.startswith("«"):
                    break
                if "»" in nxt.text and "«" not in nxt.text.split("»")[0]:
                    close = nxt.text.index("»")
                    parts.append(nxt.text[:close])
                    unit = Unit("guillemets", p.para_id, nxt.para_id, " ".join(parts),
                                nxt.text[close + 1 : close + 1 + QUOTE_CONTEXT],
                                text[max(0, start - QUOTE_CONTEXT) : start])
                    if self._is_quote(unit, at_start=start == 0):
                        self.units.append(unit)
                        covered.update(q.para_id for q in self.paras[i + 1 : k + 1])
                    return
                parts.append(nxt.text)
                k += 1
            unit = Unit("guillemets", p.para_id, p.para_id, text[start + 1 :], "", text[:start])
            if start == 0 and len(unit.text.split()) >= 4:
                self.units.append(unit)
            return

    def _is_teaser(self, i: int) -> bool:
        """A teaser headline: the article's first line, short, a dash but no attribution
        and no final full stop (`- Vi må satse mer på skolen`)."""
        p = self.paras[i]
        if i != 0 or len(p.text.split()) > 12 or re.search(r"[.»]$", p.text) or len(self.paras) < 2:
            return False
        nxt = self.paras[1].text
        attributed_below = nxt[:1].islower() and _patterns()["line"].match(nxt)
        return not _patterns()["cue"].search(p.text) and not attributed_below

    def _is_pull_quote(self, i: int) -> bool:
        """A pull quote: a quoted line followed by a line that is only a name (and role),
        as in `«Vi må satse» / Kari Nordmann, ordfører`. Not a quote in the text."""
        if i + 1 >= len(self.paras):
            return False
        nxt = self.paras[i + 1].text
        if len(nxt.split()) > 10 or re.search(r"[.!?:]$", nxt) or _patterns()["cue"].search(nxt):
            return False
        names = candidate_names(nxt, slot=True)
        return bool(names) and names[0][0] == 0

    def _is_quote(self, unit: Unit, at_start: bool) -> bool:
        """A «» span is a quote when it is a whole statement, not a title or scare quote."""
        words = len(unit.text.split())
        if words < 4:
            return False
        pat = _patterns()
        if pat["cue_after"].match(unit.after):
            return True
        if at_start:
            rest = unit.after.strip()
            if rest[:1].islower():  # `«Kommunesektorens prioriteringer» er det viktigste dokumentet`: a title
                return False
            index = self.index[unit.para_id]
            return unit.end_para != unit.para_id or not self._is_pull_quote(index)
        before = unit.before.rstrip()
        if before.endswith(":") and (pat["cue"].search(before) or words >= 8):
            return True
        return False

    # -- attribution -----------------------------------------------------------
    def attribute(self) -> None:
        pat = _patterns()
        self._first_unit: dict[int, Unit] = {}
        for u in self.units:
            self._first_unit.setdefault(u.para_id, u)
        self._unit_ends = [u.end_para for u in self.units]
        if self._unit_ends != sorted(self._unit_ends):  # pragma: no cover - `find_units` keeps them in order
            raise AssertionError("quote units out of order")
        order = {p.para_id: n for n, p in enumerate(self.paras)}
        last: Unit | None = None
        for n, unit in enumerate(self.units):
            found = False
            if unit.form == "dash":
                matches = list(pat["after"].finditer(unit.after))
            else:
                matches = [m for m in [pat["cue_right_after"].match(unit.after)] if m]
            for m in matches:
                rest = unit.after[m.end():]
                particle = cue_verbs().get(m.group("cue").lower(), "")
                if particle and not re.search(rf"\b{particle}\b", _sentence(rest)):
                    continue  # `slår ut`, not `slår X fast`
                found = self._speaker_from(unit, m.group("cue"), rest, unit.end_para * POS)
                if found:
                    if unit.form == "dash":
                        unit.text = self._strip_attribution(unit.text, m)
                    break
            if not found:
                nxt = self._next_para(unit.end_para)
                if nxt is not None and nxt.kind not in ("quote",):
                    lm = pat["line"].match(nxt.text)
                    opener = nxt.text.split()[0].lower()
                    if lm and (lm.group(0)[0].islower() or opener in ("dette", "det", "slik", "så")) \
                            and len(nxt.text.split()) <= 30:
                        found = self._speaker_from(unit, lm.group("cue"), lm.group("rest"), nxt.para_id * POS)
                        # unattributed quotes right before this one belong to the same speaker
                        k = n - 1
                        while found and k >= 0 and self.units[k].speaker is None and \
                                order[self.units[k + 1].para_id] - order[self.units[k].end_para] == 1:
                            self.units[k].speaker = unit.speaker
                            k -= 1
            if not found:
                found = self._from_intro(unit)
            if not found and last is not None and last.speaker is not None and unit.form == "dash":
                if self._continues(last, unit, order) and not self._is_question_to(unit, n):
                    unit.speaker = last.speaker
                    found = True
            if unit.speaker is not None:
                last = unit
            elif unit.form == "dash":
                last = unit

    def _is_question_to(self, unit: Unit, n: int) -> bool:
        """An interviewer's question: it ends in `?` and the next quote answers (`svarer han`)."""
        if not unit.text.rstrip().endswith("?") or n + 1 >= len(self.units):
            return False
        answer = self.units[n + 1].after
        return bool(re.search(r",\s*(svarer|svarte|svarar|svara)\s", answer))

    def _next_para(self, para_id: int):
        for k in range(bisect_right(self.para_ids, para_id), len(self.paras)):
            if self.paras[k].kind not in ("caption",):
                return self.paras[k]
        return None

    def _previous_para(self, para_id: int):
        """The last paragraph before `para_id` that is not a caption."""
        for k in range(bisect_left(self.para_ids, para_id) - 1, -1, -1):
            if self.paras[k].kind != "caption":
                return self.paras[k]
        return None

    def _continues(self, last: Unit, unit: Unit, order: dict[int, int]) -> bool:
        span = range(bisect_right(self.para_ids, last.end_para), bisect_left(self.para_ids, unit.para_id))
        between = [self.paras[k] for k in span if self.paras[k].kind != "caption"]
        if any(p.kind in ("heading", "title") for p in between):
            return False
        if len(between) > 1:
            return False
        return all(len(p.text.split()) <= BRIDGE_MAX_WORDS for p in between)

    def _from_intro(self, unit: Unit) -> bool:
        """Speaker from an introduction ending in a colon before the quote."""
        pat = _patterns()
        intro, pos = None, None
        if unit.before.rstrip().endswith(":"):
            intro, pos = unit.before, unit.para_id * POS
        else:
            before = self._previous_para(unit.para_id)
            prev = [before] if before is not None else []
            # skip back over quotes that the same introduction opened
            while prev and prev[-1].kind == "quote":
                earlier = self._first_unit.get(prev[-1].para_id)
                if earlier is None or earlier.speaker is None:
                    break
                if not earlier.attribution or not earlier.attribution.endswith(":"):
                    break
                unit.speaker, unit.cue, unit.attribution = earlier.speaker, earlier.cue, earlier.attribution
                return True
            if prev and prev[-1].text.rstrip().endswith(":"):
                intro, pos = prev[-1].text, prev[-1].para_id * POS
        if not intro:
            return False
        sentence = re.split(r"(?<=[.!?])\s+", intro.rstrip())[-1]
        cm = None
        for cm in pat["cue"].finditer(sentence):
            pass
        if cm is None:
            return False
        after = sentence[cm.end():].strip(" :")
        before = sentence[: cm.start()].strip(" ,")
        speaker = None
        if after and not re.fullmatch(r"(?:følgende|som følger|dette|slik|fylgjande|til|om|blant annet)", after, re.I):
            speaker = self._resolve(after, pos + cm.end(), unit)
        if speaker is None and before:
            cands = candidate_names(before, slot=True)
            if cands:
                speaker = self._person(cands[-1][2], before, cands[-1][0], cands[-1][1], pos)
            else:
                speaker = self._resolve(before.split()[-1], pos, unit) if before.split() else None
        if speaker is None:
            return False
        unit.speaker, unit.cue, unit.attribution = speaker, cm.group("cue"), sentence.strip()
        return True

    def _strip_attribution(self, text: str, m: re.Match) -> str:
        start = m.start()
        tail = text[m.end():]
        sent = _sentence(tail)
        rest = tail[len(sent):].strip()
        quoted = text[:start].rstrip(" ,")
        if quoted and quoted[-1] not in ".!?»":
            quoted += "."
        return (quoted + (" " + rest if rest else "")).strip()

    def _speaker_from(self, unit: Unit, cue: str, rest: str, pos: int) -> bool:
        sentence = _sentence(rest).strip()
        speaker = self._resolve(sentence, pos, unit)
        unit.cue = cue
        unit.attribution = f"{cue} {sentence}"
        if speaker is None:
            return False
        unit.speaker = speaker
        return True

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

    def _last_speaker(self, unit: Unit) -> Person | None:
        """The speaker of the last quote that ends no later than `unit` and has one (not `unit`),
        among the `PRONOUN_LOOKBACK` quotes before it (units are in order of their end)."""
        ends = self._unit_ends
        for k in range(bisect_right(ends, unit.end_para) - 1, max(-1, bisect_right(ends, unit.end_para) - 1
                                                                    - PRONOUN_LOOKBACK), -1):
            u = self.units[k]
            if u.speaker is not None and u is not unit:
                return u.speaker
        return None

    def _resolve(self, clause: str, pos: int, unit: Unit) -> Person | None:
        """The person an attribution clause names (`Helge Eide, områdedirektør i KS`, `hun`, `Gangsø`)."""
        words = clause.split()
        if not words:
            return None
        first = words[0].strip(".,:;").lower()
        if first in PRONOUNS:
            gender = PRONOUNS[first]
            last = self._last_speaker(unit)
            cand = last if last is not None and last.gender in (None, gender) else None
            cand = cand or self.registry.nearest_before(pos, gender)
            if cand is not None and cand.gender is None:
                cand.gender, cand.gender_source = gender, "pronoun"
            return cand
        head = " ".join(words[:10])
        for start, end, tokens in candidate_names(head, slot=True):
            if start > 0 and not re.fullmatch(r"[\w\s'’.,-]*", head[:start]):
                break
            lead = head[:start].split()
            if len(lead) > 6:
                break
            return self._person(tokens, head, start, end, pos)
        # one capitalised word (surname or first name), maybe after a title: `sier Gangsø`, `sa rådmann Julin`
        for i, w in enumerate(words[:4]):
            token = w.strip(".,:;!?")
            if re.fullmatch(rf"[{UPPER}][{LOWER}]+(?:-[{UPPER}][{LOWER}]+)?", token):
                ref = self.registry.resolve_word([token], pos)
                if ref is not None:
                    return ref
                # a surname the article never wrote in full (`sa Hartviksen.`)
                nxt = words[i + 1] if i + 1 < len(words) else ""
                if i == 0 and (w[-1] in ".,!?" or not nxt or nxt[0].islower()):
                    return self.registry.add([token], pos)
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

    # -- output ------------------------------------------------------------------
    def run(self) -> tuple[list[Unit], list[Person]]:
        self.find_people()
        self.find_units()
        self.attribute()
        for n, unit in enumerate(self.units, 1):
            unit.local_id = f"q{n:02d}"
            if unit.speaker is not None:
                unit.speaker.n_quotes += 1
        return self.units, self.registry.people


def extract(doc: str, paragraphs, out, ctx) -> None:
    """Hook for `kslib.extract.parse_document`: add this article's quotes and people.

    Leaves the people's name spans and surnames in `ctx` for the places hook."""
    article = ArticleQuotes(paragraphs)
    units, people = article.run()
    ctx["person_spans"] = article.name_spans
    ctx["surnames"] = frozenset(p.surname for p in people)
    ctx["name_words"] = frozenset(w for p in people for w in p.tokens)
    q, pp = out["quotes"], out["people"]
    for u in units:
        for key, value in (("doc", doc), ("quote_id", u.local_id), ("para_id", u.para_id),
                           ("text", u.text.strip()), ("form", u.form),
                           ("speaker_id", u.speaker.local_id if u.speaker else None),
                           ("cue", u.cue), ("attribution", u.attribution)):
            q[key].append(value)
    for p in people:
        org = organisation_of(p.role)
        for key, value in (("doc", doc), ("person_id", p.local_id), ("name", p.name), ("role", p.role),
                           ("organisation", org), ("role_group", role_group(p.role, org)),
                           ("gender", p.gender), ("gender_source", p.gender_source),
                           ("n_quotes", p.n_quotes), ("quoted", p.n_quotes > 0)):
            pp[key].append(value)
