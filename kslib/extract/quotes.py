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
from dataclasses import dataclass, field, replace
from functools import lru_cache

from kslib.config import resource_lines, resource_rows
from kslib.extract.people import (
    Person,
    candidate_names,
)
from kslib.structure.letters import UPPER

BRIDGE_MAX_WORDS = 60

#: Characters before and after a «» quote that attribution reads (`Unit.before`, `Unit.after`):
#: twice the longest paragraph of every article we have seen (951). Copying the whole rest of
#: the paragraph for every quote made a paragraph of many quotes quadratic.
QUOTE_CONTEXT = 2000

#: A pronoun (`sier hun`) refers back to the speaker of one of the quotes before it, at most this
#: many back (an article has a few dozen quotes; the bound keeps a text of thousands linear).
PRONOUN_LOOKBACK = 50

@lru_cache(maxsize=1)
def cue_verbs() -> dict[str, str]:
    """Cue verb -> particle that may follow the speaker ('' for none)."""
    verbs: dict[str, str] = {}
    for row in resource_rows("cue_verbs.csv"):
        verbs.setdefault(row["verb"], row["particle"] or "")
    return verbs


#: The pronoun that opens a sentence which only attributes the quote before it (`Det sier X.`,
#: `Dette meiner X.`), bokmål and nynorsk.
_THAT = r"(?:Dette|Det|Slik)"


@lru_cache(maxsize=1)
def _patterns():
    alt = "|".join(sorted(map(re.escape, cue_verbs()), key=len, reverse=True))
    cue = rf"(?P<cue>(?:{alt}))"
    # after `Det`/`Dette` the cue must name its speaker: a name, or a title and a name (`Det synes
    # vi er positivt` is no attribution)
    named = rf"(?:{alt})\s+(?:[a-zæøå-]+\s+)?[{UPPER}]"
    return {
        # `..., sier X` / `...» sier X` / `...? spør X` inside the quote's paragraph, also as a
        # sentence of its own (`... Det sier X.`, as `Dette sier X` is written as a line of its own)
        "after": re.compile(rf"(?:(?:,|[.!?…]\s*»?|»\s*,?)\s*(?:[-–—]\s*)?|[.!?…]\s*»?\s*{_THAT}\s+(?={named}))"
                            rf"{cue}\s+(?=\S)"),
        # a line that only attributes: `sier områdedirektør X` / `Dette sier X` / `Det meiner X`
        "line": re.compile(rf"^(?:(?:dette|det|slik|så|dét|sånn)\s+)?{cue}\s+(?P<rest>\S.*)", re.I | re.S),
        # an introduction: `X tilføyer:` / `Administrerende direktør i KS, Lasse Hansen, uttaler:`
        "cue": re.compile(rf"(?<![\w-]){cue}(?![\w-])"),
        # a cue right after a «» span: `«...», sier X` (and with a dash: `«...» - sier X`)
        "cue_after": re.compile(rf"\s*[,.!?]?\s*(?:{_THAT}\s+(?={named}))?(?<![\w-]){cue}(?![\w-])\s"),
        "cue_right_after": re.compile(rf"\s*(?:[,.!?]\s*(?:[-–—]\s*)?|(?:[.!?]\s*)?{_THAT}\s+(?={named}))?"
                                      rf"(?<![\w-]){cue}(?![\w-])\s+(?=\S)"),
        # between the halves of a quoted sentence: `«Vi må satse», sier Kari Nordmann, «for det haster»`
        "between_halves": re.compile(rf"\s*,?\s*(?:[-–—]\s*)?(?<![\w-]){cue}(?![\w-])\s+[^«»]{{1,80}},\s*"),
    }


#: A paragraph that opens with a straight or curly double quote (`"Vi må satse", sier X.`)
_DOUBLE_OPEN = ('"', "“", "”")
_DOUBLE_CLOSE = re.compile(r'["”]')


def as_guillemets(text: str) -> str:
    """A paragraph that opens with a double quote closed before a cue (`"Vi må satse", sier
    Gangsø.`; web pages often write them for «»), with those two marks as «»: character for
    character, so every offset in the text stays. Other text, and a paragraph holding « already,
    as it is."""
    if not text.startswith(_DOUBLE_OPEN) or "«" in text:
        return text
    cue_after = _patterns()["cue_after"]
    for m in _DOUBLE_CLOSE.finditer(text, 1):
        if cue_after.match(text, m.end()):
            return "«" + text[1 : m.start()] + "»" + text[m.end():]
    return text


def _is_dash(p) -> bool:
    return p.kind == "quote" and p.text.startswith(("-", "–", "—"))


def is_list_item(paras, i: int, starts: dict[int, int]) -> bool:
    """Whether the dash paragraph `paras[i]`, in a run of them after a line that announces a list
    and ends in a colon (`Før dere setter i gang, merk dere følgende:`; `resources/list_openers.txt`)
    without a cue verb, is an item of that list: unless it is attributed itself. `starts` keeps the
    start of each run found (asked in order, a run of thousands is walked once)."""
    if _patterns()["after"].search(paras[i].text):
        return False
    k = i
    while k > 0 and _is_dash(paras[k - 1]):
        if k - 1 in starts:
            k = starts[k - 1]
            break
        k -= 1
    starts[i] = k
    intro = paras[k - 1].text.rstrip() if k > 0 else ""
    return intro.endswith(":") and bool(_list_opener().search(intro)) and not _speech_cue(intro)


@lru_cache(maxsize=1)
def _list_opener() -> re.Pattern:
    """The words that announce a list (`resources/list_openers.txt`)."""
    words = sorted(resource_lines("list_openers.txt"), key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, words)) + r")(?!\w)", re.I)


def has_particle(cue: str, text: str) -> bool:
    """Whether `text` (what follows the cue verb) holds the verb's particle, where it has one
    (`legger X til`, `fulgte han opp`; `det følger med en undersak` is no speech)."""
    particle = cue_verbs().get(cue.lower(), "")
    return not particle or re.search(rf"(?<!\w){particle}(?!\w)", text) is not None


def _speech_cue(text: str) -> bool:
    """Whether `text` has a cue verb, with its particle after it where it has one."""
    return any(has_particle(m.group("cue"), text[m.end():]) for m in _patterns()["cue"].finditer(text))


def words_of(text: str) -> str:
    """The words of `text`, lower case, one space between (`«Vi må», sa hun.` -> `vi må sa hun`)."""
    return " ".join(re.findall(r"\w+", text.lower()))


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
    co_speakers: list = field(default_factory=list)  # `sier Nordmann og Hansen`: Hansen too
    source: str | None = None  # a body that gives the quote when no person does (`sier juryen`)
    pull: str | None = None  # a pull quote's name line (`Kari Nordmann, ordfører`)


def _sentence(rest: str) -> str:
    m = _SENTENCE_STOP.search(rest)
    return rest[: m.start() + 1] if m else rest



class QuoteUnits:
    """The direct quotes of an article's paragraphs: dash paragraphs and «» spans that are whole
    statements (not titles, scare quotes, teasers or pull quotes)."""

    def __init__(self, paras):
        # `"Vi må satse", sier X.`: a quote in double quotes is read as one in «» (`as_guillemets`)
        self.paras = [p if (text := as_guillemets(p.text)) is p.text else replace(p, text=text) for p in paras]
        self.index = {p.para_id: n for n, p in enumerate(paras)}
        self.units: list[Unit] = []
        self._starts: dict[int, int] = {}  # index -> the start of its run of dash paragraphs

    def find_units(self) -> None:
        covered: set[int] = set()
        for i, p in enumerate(self.paras):
            if p.para_id in covered:
                continue
            if _is_dash(p):
                if self._is_teaser(i) or is_list_item(self.paras, i, self._starts):
                    continue
                text = _DASH.sub("", p.text)
                if self._is_pull_quote(i):
                    if not self._repeats(i, text):
                        self._add_pull(Unit("dash", p.para_id, p.para_id, text, text, ""), i, covered)
                    continue
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
                last = self.units[-1] if self.units else None
                if last is not None and last.form == "guillemets" and last.end_para == p.para_id and \
                        _patterns()["between_halves"].fullmatch(text, pos, start):
                    last.text += " " + inner  # the second half of a quoted sentence the attribution split
                elif self._is_quote(unit, at_start=start == 0):
                    self.units.append(unit)
                elif start == 0 and not text[end + 1 :].strip() and len(inner.split()) >= 4 \
                        and self._is_pull_quote(i) and not self._repeats(i, inner):
                    self._add_pull(unit, i, covered)  # `«Vi må satse på skolen»` / `Kari Nordmann`
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
        as in `«Vi må satse» / Kari Nordmann, ordfører`: a quote of that person unless the
        text quotes the same words elsewhere (`_repeats`)."""
        if i + 1 >= len(self.paras):
            return False
        nxt = self.paras[i + 1].text
        if len(nxt.split()) > 10 or re.search(r"[.!?:]$", nxt) or _patterns()["cue"].search(nxt):
            return False
        names = candidate_names(nxt, slot=True)
        return bool(names) and names[0][0] == 0

    def _repeats(self, i: int, text: str) -> bool:
        """True when the words of a pull quote stand in another paragraph: the article quotes them
        there, and the pull quote only shows them again."""
        words = words_of(text)
        return any(words in words_of(p.text)
                   for k, p in enumerate(self.paras) if k not in (i, i + 1))

    def _add_pull(self, unit: Unit, i: int, covered: set[int]) -> None:
        """A pull quote the text does not repeat: a quote of the person its name line names."""
        unit.pull = self.paras[i + 1].text
        covered.add(self.paras[i + 1].para_id)
        self.units.append(unit)

    def _is_quote(self, unit: Unit, at_start: bool) -> bool:
        """A «» span is a quote when it is a whole statement, not a title or scare quote."""
        words = len(unit.text.split())
        pat = _patterns()
        if at_start and words and pat["cue_after"].match(unit.after):
            return True  # a paragraph that opens with a short quote and its speaker: `«Nei», sier hun.`
        if words < 4:
            return False
        if pat["cue_after"].match(unit.after):
            return True
        if at_start:
            rest = unit.after.strip()
            if rest[:1].islower():  # `«Kommunesektorens prioriteringer» er det viktigste dokumentet`: a title
                return False
            index = self.index[unit.para_id]
            return unit.end_para != unit.para_id or not self._is_pull_quote(index)
        before = unit.before.rstrip()
        if before.endswith(":") and _speech_cue(before):
            return True
        # without a cue, a long span after a colon is a statement when its sentence ends with it:
        # one that goes on (`FoU-prosjekt: «Kartlegging av ...» (2022), og skal`) quotes a title
        after = unit.after.lstrip()
        return before.endswith(":") and words >= 8 and not (after[:1] == "(" or after[:1].islower())


#: the fewest words a quote shown again must have to be known as one
REPEAT_MIN_WORDS = 5
#: how many of the speaker's other quotes, either side, a quote is compared with (a pull quote
#: stands near the paragraph it repeats; a bound keeps the check linear)
REPEAT_REACH = 10


def without_repeats(units: list[Unit]) -> list[Unit]:
    """The units less the dash quotes that only show again words the same speaker is quoted with
    in another unit of the article: a pull quote set with its attribution (`– Vi skal dele mer
    data, sa digitaliseringsminister Nikolai Astrup` beside the paragraph that quotes it in
    full). Of two units with the same words, the first stays."""
    words = [f" {words_of(u.text)} " for u in units]  # attribution already stripped from the text
    by_speaker: dict[int, list[int]] = {}
    for k, u in enumerate(units):
        if u.speaker is not None:
            by_speaker.setdefault(id(u.speaker), []).append(k)
    drop = set()
    for ks in by_speaker.values():
        for n, k in enumerate(ks):
            mine = words[k]
            if units[k].form != "dash" or len(mine.split()) < REPEAT_MIN_WORDS:
                continue
            near = ks[max(0, n - REPEAT_REACH) : n] + ks[n + 1 : n + 1 + REPEAT_REACH]
            if any(j not in drop and mine in words[j] and (mine != words[j] or j < k) for j in near):
                drop.add(k)
    return [u for k, u in enumerate(units) if k not in drop]
