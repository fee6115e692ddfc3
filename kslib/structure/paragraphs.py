"""Article text to its structure: paragraphs with a kind, and sentences.

Pure functions on normalised text (see `kslib.read.decode.normalise_text`). Each
non-blank line is a paragraph (KS pages put one paragraph on a line); a line
break inside a hard-wrapped sentence is joined back. Body text is never lost:
when a rule is unsure, the paragraph is `body`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from kslib.config import resource_lines
from kslib.schema import PARAGRAPH_KINDS

KINDS = PARAGRAPH_KINDS
#: Dashes that open a quote paragraph: hyphen, en dash, em dash (+ optional space).
DASH_OPEN = re.compile(r"^[-–—]\s?(?=\S)")
BULLET_OPEN = re.compile(r"^(?:[•*▪●◦·‣⁃]|[-–—](?=\s))\s*")
#: a photo credit line (`Foto: KS`); `foto` also ends a compound (`Illustrasjonsfoto:`, `Arkivfoto:`)
PHOTO_CREDIT = re.compile(
    r"^(\w*foto|fotograf|photo|ill(?:ustrasjon)?|kilde\s*bilde)\s*:\s*\S.{0,80}$", re.IGNORECASE
)
#: a credit at a line's end (`... Foto: Hege K. Fosser Pedersen`): a name with initials, no sentence after
INLINE_CREDIT = re.compile(r"(?:\b|(?<=\d))(\w*foto|fotograf|photo)\s*:\s*\S(?:[^.!?]|(?<=\b(?-i:[A-ZÆØÅ]))\.){0,60}\.?$",
                           re.IGNORECASE)
IMAGE_LINE = re.compile(r"^(bilde|bildetekst|image)\s*:\s*\S", re.IGNORECASE)
BULLET_LINE = re.compile(r"^[•*▪●◦·‣⁃]\s*\S")
_BLANK_LINE = re.compile(r"\n\s*\n")
_ITEM_END = re.compile(r"[.!?»]$")
_SENTENCE_END = re.compile(r"[.!?…:;,]$")


@lru_cache(maxsize=1)
def boilerplate_patterns() -> re.Pattern:
    """One regex of every navigation line in `resources/boilerplate.txt`."""
    lines = resource_lines("boilerplate.txt")
    return re.compile("^(?:" + "|".join(f"(?:{ln})" for ln in lines) + r")\s*$", re.IGNORECASE)


@dataclass(frozen=True)
class Paragraph:
    para_id: int
    kind: str
    text: str
    block: int  # index of the blank-line separated block the line came from


def _blocks(text: str) -> list[list[str]]:
    """Blank-line separated blocks, each a list of its non-blank lines, wraps joined."""
    blocks = []
    for raw in _BLANK_LINE.split(text):
        lines: list[str] = []
        for line in raw.split("\n"):
            line = line.strip()
            if not line:
                continue
            if lines and _is_wrap(lines[-1], line):
                lines[-1] = f"{lines[-1]} {line}"
            else:
                lines.append(line)
        if lines:
            blocks.append(lines)
    return blocks


def _is_wrap(prev: str, line: str) -> bool:
    """A hard-wrapped line: the previous line is long, unfinished, and this one goes on in lower case."""
    return (
        len(prev) >= 50
        and not _SENTENCE_END.search(prev)
        and not prev.endswith("»")
        and line[:1].islower()
    )


def _is_heading(line: str, standalone: bool) -> bool:
    if not standalone or len(line) > 90:
        return False
    words = line.split()
    if not words or len(words) > 12:
        return False
    if not (line[0].isupper() or line[0].isdigit()):
        return False
    if line.endswith(("?", "!")):
        return len(words) <= 8
    return not _SENTENCE_END.search(line)


def _is_title(k: int, flat, blocks, boiler_lines: list[bool]) -> bool:
    """The first content line is a headline when it is short, has no final period, and
    stands alone in its block (or only with its photo caption and credit)."""
    if not all(boiler_lines[:k]):
        return False
    b, _, line = flat[k]
    if b + 1 >= len(blocks) or not _is_heading(line, True):
        return False
    rest = blocks[b][1:]
    return all(PHOTO_CREDIT.match(x) or IMAGE_LINE.match(x) or _inline_credit(x) for x in rest)


def _inline_credit(line: str) -> bool:
    """A line that ends with a photo credit (`... Foto: Kari Nordmann`); it needs a colon."""
    return ":" in line and bool(INLINE_CREDIT.search(line))


def _looks_like_list_item(line: str) -> bool:
    body = BULLET_OPEN.sub("", line, count=1)
    return len(body) <= 90 and not _ITEM_END.search(body)


def classify(text: str) -> list[Paragraph]:
    """Split normalised article text into paragraphs and give each a kind.

    Kinds: `title` (a short first line without final period, followed by a blank
    line), `heading`, `body`, `quote` (opens with a dash or «), `bullet`,
    `caption`, `photo_credit`, `boilerplate`. Returns paragraphs in order.
    """
    blocks = _blocks(text)
    boiler = boilerplate_patterns()
    flat = [(b, i, line) for b, lines in enumerate(blocks) for i, line in enumerate(lines)]
    boiler_lines = [bool(boiler.match(line)) for _, _, line in flat]
    credit_lines = [bool(PHOTO_CREDIT.match(line)) for _, _, line in flat]
    image_lines = [bool(IMAGE_LINE.match(line)) for _, _, line in flat]
    photo_lines = [c or i for c, i in zip(credit_lines, image_lines)]  # a photo credit or an image line
    kinds: list[str] = ["body"] * len(flat)
    n_blocks = len(blocks)
    # a title is the first line that is not boilerplate (`_is_title` checks it too, slowly)
    first_content = boiler_lines.index(False) if False in boiler_lines else len(flat)

    for k, (b, i, line) in enumerate(flat):
        block = blocks[b]
        standalone = len(block) == 1
        if boiler_lines[k]:
            kinds[k] = "boilerplate"
        elif credit_lines[k]:
            kinds[k] = "photo_credit"
        elif image_lines[k]:
            kinds[k] = "caption"
        elif BULLET_LINE.match(line):
            kinds[k] = "bullet"
        elif DASH_OPEN.match(line) or line.startswith("«"):
            kinds[k] = "quote"
        elif k <= first_content and _is_title(k, flat, blocks, boiler_lines):
            kinds[k] = "title"
        elif _is_heading(line, standalone) and b + 1 < n_blocks:
            kinds[k] = "heading"

    # Dash lines that form a short list (or follow a line ending in ':' inside the block)
    # are list items, not quotes.
    by_block: list[list[int]] = [[] for _ in blocks]
    for k, (b, _, _) in enumerate(flat):
        by_block[b].append(k)
    for idx in by_block:
        dash = [k for k in idx if kinds[k] == "quote" and not flat[k][2].startswith("«")]
        if len(dash) >= 2 and all(_looks_like_list_item(flat[k][2]) for k in dash):
            for k in dash:
                kinds[k] = "bullet"

    # ... and so do dash paragraphs that stand one to a block after a line ending in ':' (`Avtalen
    # regulerer følgende områder:` / `- Digitalisering i NAV-kontoret` / `- Arenaer og prosesser`)
    k = 0
    while k < len(flat):
        run = k
        while run < len(flat) and kinds[run] == "quote" and not flat[run][2].startswith("«") \
                and _looks_like_list_item(flat[run][2]):
            run += 1
        if run - k >= 2 and k > 0 and flat[k - 1][2].rstrip().endswith(":"):
            kinds[k:run] = ["bullet"] * (run - k)
        k = max(run, k + 1)

    # Captions: short lines next to a photo line in the same block, or ending with a credit.
    for k, (b, i, line) in enumerate(flat):
        if kinds[k] not in ("body", "heading"):
            continue
        if len(line) <= 200 and _inline_credit(line):
            kinds[k] = "caption"
            continue
        neighbours = [j for j in (k - 1, k + 1) if 0 <= j < len(flat) and flat[j][0] == b]
        if len(line) <= 200 and any(photo_lines[j] for j in neighbours):
            kinds[k] = "caption"

    return [Paragraph(k, kinds[k], line, b) for k, (b, _, line) in enumerate(flat)]


def find_title(paragraphs: list[Paragraph]) -> str | None:
    """The headline, when the first paragraph is one."""
    return next((p.text for p in paragraphs if p.kind == "title"), None)


WORD = re.compile(r"\w+(?:[-'’]\w+)*", re.UNICODE)
#: The joiners of `WORD`: one between two word characters joins two runs of them into one word.
WORD_JOINERS = "-'’"


def is_word_char(c: str) -> bool:
    """`\\w` of `re` on str, for one character: letters, digits, numerals (`str.isalnum`), `_`."""
    return c.isalnum() or c == "_"


def starts_word(text: str, i: int) -> bool:
    """Position `i` of `text` is where a word can start: no word character before it (`\\b`)."""
    return i == 0 or not is_word_char(text[i - 1])


def count_words(text: str) -> int:
    return len(WORD.findall(text))
