"""Who said a quote: the attribution rules, after, below and before the quote (the name, role or
pronoun they give is resolved to a person by `speaker_names.Resolver`)."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from kslib.config import resource_lines
from kslib.extract.mentions import POS, find_people
from kslib.extract.people import Person, candidate_names
from kslib.extract.pronouns import genders_from_pronouns
from kslib.extract.quote_text import without_attribution
from kslib.extract.quotes import (
    BRIDGE_MAX_WORDS,
    QuoteUnits,
    Unit,
    _patterns,
    _sentence,
    cue_verbs,
    has_particle,
    without_repeats,
)
from kslib.extract.speaker_names import Resolver
from kslib.schema import NON_CONTENT_KINDS

#: `, svarer han`: the quote it follows answers the one before (`resources/answer_verbs.txt`).
_ANSWER = re.compile(r",\s*(" + "|".join(resource_lines("answer_verbs.txt")) + r")\s")

class Context(Resolver):
    """The paragraphs around a quote that can name its speaker: an introduction ending in a
    colon, reported speech right before it."""

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
            # no speech verb (`Kommunedirektør i Asker, Lars Bjerke ser frem til at ...:`): the one
            # person the introduction names speaks
            cands = candidate_names(sentence, slot=True)
            if len({" ".join(c[2]) for c in cands}) != 1:
                return False
            start, end, tokens = cands[0]
            unit.speaker = self._person(tokens, sentence, start, end, pos)
            unit.cue, unit.attribution = None, sentence.strip()
            return True
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

    def _from_reported(self, unit: Unit) -> bool:
        """Speaker of a dash paragraph with no attribution from the paragraph right before it when
        that paragraph reports what a person says (`Lisa Friborg, seniorrådgiver i KS Nord,
        forteller at ...` / `Ho meiner at ...`): the quote goes on in that person's words."""
        prev = self._previous_para(unit.para_id)
        if prev is None or prev.kind in ("quote", "heading", "title") or prev.para_id in self._first_unit:
            return False  # a quote before: the continuation rule decides
        pat = _patterns()
        pos = prev.para_id * POS
        for sentence in reversed(re.split(r"(?<=[.!?])\s+", prev.text.strip())):
            for cm in pat["cue"].finditer(sentence):
                after = sentence[cm.end():].split()
                lower = [w.lower() for w in after[:6]]
                if "at" not in lower:
                    continue  # reported speech says `at`: `forteller at`, `sier Nordmann at`
                if cue_verbs().get(cm.group("cue").lower(), ""):
                    continue  # a verb with a particle (`legger til`, `legger vekt på at`): not this rule
                before = sentence[: cm.start()].strip(" ,")
                speaker = None
                named = after[: lower.index("at")]  # `sier Kari Nordmann at`
                if named and named[0][:1].isupper():
                    speaker = self._resolve(" ".join(named), pos + cm.end(), unit)
                if speaker is None and before and not named:
                    cands = candidate_names(before, slot=True)
                    # the name right before the verb, maybe with its role between commas
                    between = before[cands[-1][1]:] if cands else None
                    if cands and (not between.strip() or between.lstrip().startswith(",")
                                  and len(between.split()) <= 8):
                        speaker = self._person(cands[-1][2], before, cands[-1][0], cands[-1][1], pos)
                    elif len(before.split()) == 1:
                        speaker = self._resolve(before, pos, unit)  # `Hun forteller at`
                if speaker is not None:
                    unit.speaker, unit.cue, unit.attribution = speaker, cm.group("cue"), sentence.strip()
                    return True
        return False



class Attribution(Context):
    """Gives each quote unit its speaker: after the quote, in a line after it, in an introduction
    ending in a colon, or the speaker of the quote before it."""

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
            if unit.pull is not None:  # a pull quote: its name line is the attribution
                unit.speaker = self._resolve(unit.pull, (unit.para_id + 1) * POS, unit)
                unit.attribution = unit.pull
                last = unit
                continue
            if unit.form == "dash":
                matches = list(pat["after"].finditer(unit.after))
            else:
                matches = [m for m in [pat["cue_right_after"].match(unit.after)] if m]
            for m in matches:
                rest = unit.after[m.end():]
                if not has_particle(m.group("cue"), _sentence(rest)):
                    continue  # `slår ut`, not `slår X fast`
                found = self._speaker_from(unit, m.group("cue"), rest, self._at(unit))
                if found or unit.source:  # a person, or a body that speaks as one (`sier juryen`)
                    if unit.form == "dash":
                        unit.text = without_attribution(unit.text, m.start(), m.end(), unit.speaker)
                    found = True
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
            if not found and unit.form == "dash":
                found = self._from_reported(unit)
            if not found and last is not None and last.speaker is not None and unit.form == "dash":
                if self._continues(last, unit, order) and not self._is_question_to(unit, n):
                    unit.speaker = last.speaker
                    found = True
            elif not found and last is not None and last.source and unit.form == "dash":
                if self._continues(last, unit, order) and not self._is_question_to(unit, n):
                    unit.source = last.source  # the body goes on speaking
            if unit.speaker is not None:
                last = unit
            elif unit.form == "dash":
                last = unit

    @staticmethod
    def _at(unit: Unit) -> int:
        """The position an attribution after `unit` resolves from: a «» span inside a paragraph
        at its start, so that a person named before it in the paragraph is before it
        (`Ordfører Kari Hansen mener ... «...», sier hun.`); else where the quote's paragraph starts."""
        if unit.form != "dash" and unit.para_id == unit.end_para:
            return unit.end_para * POS + len(unit.before)
        return unit.end_para * POS

    def _is_question_to(self, unit: Unit, n: int) -> bool:
        """An interviewer's question: it ends in `?` and the next quote answers (`svarer han`)."""
        if not unit.text.rstrip().endswith("?") or n + 1 >= len(self.units):
            return False
        answer = self.units[n + 1].after
        return bool(_ANSWER.search(answer))

    def _continues(self, last: Unit, unit: Unit, order: dict[int, int]) -> bool:
        span = range(bisect_right(self.para_ids, last.end_para), bisect_left(self.para_ids, unit.para_id))
        between = [self.paras[k] for k in span if self.paras[k].kind != "caption"]
        if any(p.kind in ("heading", "title") for p in between):
            return False
        if len(between) > 1:
            return False
        return all(len(p.text.split()) <= BRIDGE_MAX_WORDS for p in between)


def find_quotes(paragraphs) -> tuple[list[Unit], list[Person], dict[int, list[tuple[int, int]]]]:
    """An article's quotes, each with its speaker where one is named, its people, and where their
    full names stand (para_id -> spans): people first, then the quote units, then attribution."""
    paras = [p for p in paragraphs if p.kind not in NON_CONTENT_KINDS]
    # people named outside the text are people too: photographers in credits
    # (`Foto: Hege K. Fosser Pedersen`), speakers in links to their slides
    registry, name_spans = find_people(list(paragraphs), paras)
    finder = QuoteUnits(paras)
    finder.find_units()
    Attribution(finder.paras, finder.units, registry).attribute()  # (`"Vi må", sier X` read as «»)
    genders_from_pronouns(paras, registry.people)
    finder.units = without_repeats(finder.units)
    for n, unit in enumerate(finder.units, 1):
        unit.local_id = f"q{n:02d}"
        for speaker in ([unit.speaker] if unit.speaker is not None else []) + unit.co_speakers:
            speaker.n_quotes += 1
    return finder.units, registry.people, name_spans

