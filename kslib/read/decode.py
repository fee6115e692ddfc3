"""Bytes to text: decode a file as the user meant it, and normalise its text.

Decoding never raises: a file that cannot become text gets a reason instead,
which becomes a row of `rejected`.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass

# Unicode space characters that should read as a plain space (no-break, thin,
# figure, narrow no-break, ideographic ...).
_SPACES = dict.fromkeys(
    [0x00A0, 0x1680, *range(0x2000, 0x200B), 0x202F, 0x205F, 0x3000], " "
)
# Invisible characters that only get in the way (zero-width, BOM, soft hyphen, NUL).
_INVISIBLE = dict.fromkeys([0x0000, 0x00AD, 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF])
# Control characters other than tab, newline and carriage return: removed.
_CONTROLS = dict.fromkeys([*range(0x01, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F])
# Unicode's hyphen and non-breaking hyphen (Word writes one between parts that must stay on one
# line): the hyphen-minus of every name and compound (`Nord\u2011Trøndelag` is Nord-Trøndelag).
_HYPHENS = dict.fromkeys([0x2010, 0x2011], "-")
_TRANSLATE = {**_SPACES, **_INVISIBLE, **_CONTROLS, **_HYPHENS}
# `str.translate` looks up every character; most articles have none of these, and those
# that do have a few, so they are found by one scan and replaced one by one.
_ODD = re.compile("[" + "".join(f"\\U{c:08x}" for c in _TRANSLATE) + "]")
_BLANKS = re.compile(r"\t[ \t]*| [ \t]+")  # runs of blanks other than a single space
_LINE_EDGES = re.compile(r"[^\S\n]*\n[^\S\n]*")  # white space around a line break
#: White space that no step before `_LINE_EDGES` turns into a space or removes (the tests check
#: that every other white space character is handled): found by `in`, faster than a regex.
_RARE_SPACES = ("\x85", "\u2028", "\u2029")
# Bytes that only binary files have: control characters other than tab, LF, FF and CR.
_CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 12, 13))
_BLOCK_TAGS = (
    "p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "section",
    "article", "header", "footer", "blockquote", "figcaption", "ul", "ol", "table",
)


@dataclass(frozen=True)
class Decoded:
    """A file's text and how it was read; `text` is None when it was rejected."""

    text: str | None
    encoding: str | None
    reason: str | None = None
    #: what a web page, Word file or PDF says of itself (`title`, `date`, `url`, `author`, `source`)
    meta: dict | None = None


def _looks_binary(raw: bytes) -> bool:
    sample = raw[:8192]
    if not sample:
        return False
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    return controls / len(sample) > 0.10


#: A file with at least this many valid multi-byte UTF-8 sequences per invalid byte is UTF-8
#: with some bad bytes (a few damaged ones, or legacy text pasted in), not a legacy file: in
#: Windows-1252 text a valid UTF-8 pair needs a capital like `Ã` or `Ø` followed by a symbol
#: like `¸` or `»`, which Norwegian text almost never has.
UTF8_SHARE = 0.05
_UTF8_MULTIBYTE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")


#: The bytes that are not UTF-8, as `surrogateescape` keeps them (U+DC80..U+DCFF).
_ESCAPED = re.compile("[\udc80-\udcff]+")


def _legacy(run: re.Match) -> str:
    """A run of bytes that are not UTF-8 read as Windows-1252 (the legacy encoding of Norwegian
    text on Windows and in Excel), U+FFFD where even that has no character."""
    return bytes(ord(c) - 0xDC00 for c in run.group()).decode("cp1252", errors="replace")


def _mixed_utf8(raw: bytes) -> Decoded | None:
    """A file that is UTF-8 but for some bytes: those bytes read as cp1252 and counted (so æ ø å
    survive in both halves of a file pasted together from two sources). None when the file
    holds too few real UTF-8 sequences to be UTF-8 (`UTF8_SHARE`). One decoding pass: the bad
    bytes are kept as surrogates, counted and replaced."""
    escaped = raw.decode("utf-8", errors="surrogateescape")
    bad = sum(len(run) for run in _ESCAPED.findall(escaped))
    valid = len(_UTF8_MULTIBYTE.findall(raw))
    if not valid or valid < UTF8_SHARE * bad:
        return None
    return Decoded(_ESCAPED.sub(_legacy, escaped),
                   f"utf-8 ({bad} invalid byte{'s' if bad != 1 else ''} read as cp1252)")


def decode_bytes(raw: bytes) -> Decoded:
    """Decode bytes as the user meant them, keeping what can be kept.

    UTF-8 (with or without BOM) and UTF-16/32 with BOM are read directly. A file that
    is UTF-8 but for a few bytes stays UTF-8: the bad bytes are read as cp1252 and
    counted in `encoding` (`"utf-8 (2 invalid bytes read as cp1252)"`). Only a file
    that holds too few valid UTF-8 sequences goes to charset-normalizer, restricted to the encodings
    Norwegian text is found in (Windows-1252 / Latin-1 first), so that æ ø å survive.
    Binary data is rejected.
    """
    if not raw:
        return Decoded(None, None, "empty file (0 bytes)")
    for bom, enc in (
        (codecs.BOM_UTF32_LE, "utf-32"),
        (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if raw.startswith(bom):
            try:
                return Decoded(raw.decode(enc), enc)
            except UnicodeDecodeError:
                if enc == "utf-8-sig":
                    mixed = _mixed_utf8(raw[len(bom):])
                    if mixed is not None:
                        return mixed
                return Decoded(None, None, f"starts with a {enc} byte-order mark but is not valid {enc}")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        text = None
    if text is not None:
        if _looks_binary(raw.replace(b"\x00", b"")) or raw.count(b"\x00") > len(raw) // 4:
            return Decoded(None, None, "binary file (control bytes), not text")
        return Decoded(text, "utf-8")
    if _looks_binary(raw):
        return Decoded(None, None, "binary file (not decodable as text)")
    mixed = _mixed_utf8(raw)
    if mixed is not None:
        return mixed
    from charset_normalizer import from_bytes

    best = from_bytes(raw, cp_isolation=["cp1252", "latin_1", "iso8859_15", "cp865", "mac_roman", "utf_16"]).best()
    if best is None:
        try:  # every byte is a character in cp1252 but five: the usual legacy encoding here
            return Decoded(raw.decode("cp1252"), "cp1252")
        except UnicodeDecodeError:
            best = from_bytes(raw).best()
    if best is None:
        return Decoded(None, None, "unknown text encoding (charset-normalizer found none)")
    return Decoded(str(best), best.encoding)


def html_to_text(text: str) -> str:
    """Reduce an HTML page saved as text to its readable text, one block a line.

    Every block element (`_BLOCK_TAGS`) is set apart by blank lines: the page's strings are
    read in document order with one walk of the tree (no strings inserted into it, which
    cost time in proportion to the depth of nesting at every block)."""
    from bs4 import BeautifulSoup, CData, NavigableString, Tag

    soup = BeautifulSoup(text, "html.parser")
    for tag in soup(["script", "style", "noscript", "head", "nav", "template"]):
        tag.decompose()
    blocks = set(_BLOCK_TAGS)
    out: list[str] = []
    stack: list = [iter(soup.contents)]
    closing: list[bool] = [False]
    while stack:
        node = next(stack[-1], None)
        if node is None:
            stack.pop()
            if closing.pop():
                out.append("\n\n")
            continue
        if isinstance(node, Tag):
            block = node.name in blocks
            if block:
                out.append("\n\n")
            stack.append(iter(node.contents))
            closing.append(block)
        elif type(node) in (NavigableString, CData):  # what `get_text` reads (no comments, doctypes)
            out.append(str(node))
    return "".join(out)


def looks_like_html(text: str) -> bool:
    """True when the text is an HTML document rather than prose that mentions a tag."""
    head = text[:4096]
    if re.match(r"\s*(<!doctype html|<html\b)", head, re.IGNORECASE):
        return True
    return len(re.findall(r"</?(p|div|br|span|a|li|h[1-6])\b[^>]*>", head, re.IGNORECASE)) >= 3


def normalise_text(text: str) -> str:
    """Normalise text the same way for every article.

    CRLF and lone CR to LF; no-break and other Unicode spaces to a plain space; Unicode's
    hyphen and non-breaking hyphen to `-`;
    NUL, zero-width characters, soft hyphens and other control characters removed;
    then NFC (after the removals, so that a letter and an accent a zero-width character
    kept apart are composed); trailing spaces cut; runs of blank lines collapsed to one;
    outer blank lines cut. Idempotent: normalised text stays as it is.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _ODD.sub(lambda m: _TRANSLATE[ord(m.group())] or "", text)
    if not text.isascii():
        text = unicodedata.normalize("NFC", text)
    if "\t" in text or "  " in text:  # what `_BLANKS` needs: a fast test first
        text = _BLANKS.sub(" ", text)
    # each line stripped: with blanks collapsed, only one space can stand beside a line break
    if any(space in text for space in _RARE_SPACES):
        text = _LINE_EDGES.sub("\n", text)
    elif " \n" in text or "\n " in text:
        text = text.replace(" \n", "\n").replace("\n ", "\n")
    if "\n\n\n" in text:
        text = re.sub(r"\n{3,}", "\n\n", text)
    return text.strip()


def read_article(raw: bytes) -> Decoded:
    """Bytes of one file to normalised article text (or a reason it is not one): a Word
    file, PDF or web page by its library (`formats`), anything else decoded as text."""
    from kslib.read.formats import read_file

    read = read_file(raw)
    if read is not None and (read.text is not None or read.kind != "html"):
        if read.text is None:
            return Decoded(None, read.kind, read.reason)
        text = normalise_text(read.text)
        if not text:
            return Decoded(None, read.kind, "no text (empty or whitespace only)")
        return Decoded(text, read.kind, meta=read.meta or None)
    decoded = decode_bytes(raw)  # text, or a page trafilatura found no article in: read it all
    if decoded.text is None:
        return decoded
    text = decoded.text
    if looks_like_html(text):
        text = html_to_text(text)
    text = normalise_text(text)
    if not text:
        return Decoded(None, decoded.encoding, "no text (empty or whitespace only)")
    return Decoded(text, decoded.encoding)
