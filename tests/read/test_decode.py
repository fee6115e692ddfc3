"""Decoding and normalisation: every encoding a Norwegian user may have."""

import codecs

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kslib.read.decode import (
    decode_bytes,
    looks_like_html,
    normalise_text,
    read_article,
)
from kslib.read.files import find_files

NORSK = "Blåbærsyltetøy på Ærø og Øvre Årdal – «sa han»."


@pytest.mark.parametrize(
    "raw, expected_encoding",
    [
        (NORSK.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + NORSK.encode("utf-8"), "utf-8-sig"),
        (NORSK.encode("utf-16"), "utf-16"),  # with BOM
        (codecs.BOM_UTF16_BE + NORSK.encode("utf-16-be"), "utf-16"),
    ],
)
def test_unicode_files_decode_exactly(raw, expected_encoding):
    decoded = decode_bytes(raw)
    assert decoded.text.lstrip("\ufeff") == NORSK
    assert decoded.encoding == expected_encoding


@pytest.mark.parametrize("encoding", ["cp1252", "latin-1"])
def test_legacy_single_byte_files_keep_æøå(encoding):
    text = ("Kommunestyret i Bærum vedtok økonomiplanen for årene som kommer. "
            "Ordføreren var fornøyd med at både skole og omsorg får løft. ") * 3
    decoded = read_article(text.encode(encoding))
    assert decoded.text is not None
    assert "Bærum" in decoded.text and "økonomiplanen" in decoded.text and "årene" in decoded.text


@pytest.mark.parametrize(
    "raw, reason",
    [
        (b"", "empty"),
        (b"   \n\t\r\n  ", "no text"),
        (bytes(range(256)) * 20, "binary"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" * 50, "binary"),
    ],
)
def test_unusable_bytes_are_rejected_with_reason(raw, reason):
    decoded = read_article(raw)
    assert decoded.text is None
    assert reason in decoded.reason


def test_normalise_line_endings_spaces_nul_and_nfc():
    raw = "Ove\u0301rskrift\r\nLinje\u00a0to\rLinje\u202ftre\x00\u200b\n\n\n\nSlutt  "
    assert normalise_text(raw) == "Ovérskrift\nLinje to\nLinje tre\n\nSlutt"


def test_html_saved_as_txt_is_reduced_to_text():
    html = ("<!DOCTYPE html><html><head><title>x</title><script>var a=1;</script></head>"
            "<body><h1>Ny rådmann i Ås</h1><p>Kommunestyret har ansatt ny rådmann.</p>"
            "<p>- Jeg gleder meg, sier hun.</p></body></html>")
    assert looks_like_html(html)
    text = read_article(html.encode()).text
    assert "Ny rådmann i Ås" in text and "<p>" not in text and "var a" not in text
    assert "- Jeg gleder meg, sier hun." in text.split("\n")


def test_prose_mentioning_a_tag_is_not_html():
    assert not looks_like_html("Skriv <p> for avsnitt, sa hun.")


def test_find_files_is_recursive_and_skips_hidden(tmp_path):
    for name in ["a.txt", "sub/b.txt", ".skjult.txt", ".git/c.txt", "sub/.d/e.txt", "notat.md"]:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("tekst")
    assert [p.relative_to(tmp_path).as_posix() for p in find_files(tmp_path)] == ["a.txt", "notat.md", "sub/b.txt"]  # .md is read too


def _normalise_by_lines(text: str) -> str:
    """The definition `normalise_text` implements with whole-text scans: NFC, LF line ends,
    odd spaces to a space, invisible and control characters dropped, every line stripped and
    its runs of blanks made one space, at most one blank line, outer white space cut."""
    import re
    import unicodedata

    from kslib.read.decode import _INVISIBLE, _SPACES

    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\u2010", "-").replace("\u2011", "-")
    text = re.sub(r"[\x01-\x08\x0b\x0c\x0e-\x1f\x7f]", "", text.translate({**_SPACES, **_INVISIBLE}))
    text = "\n".join(re.sub(r"[ \t]+", " ", line).strip() for line in text.split("\n"))
    return re.sub(r"\n{3,}", "\n\n", text).strip()


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(["Kommune", "ø", " ", "  ", "\t", "\n", "\r\n", "\r", "\n\n\n", "\u00a0", "\u202f",
                                 "\u2009", "\u200b", "\u00ad", "\ufeff", "\x00", "\x0b", "\x1f", "\x85", "\u2028",
                                 "«", "–", "e\u0301", "\u2011", "\u2010", "-"]), max_size=30).map("".join))
def test_normalise_text_is_its_line_by_line_definition(text):
    assert normalise_text(text) == _normalise_by_lines(text)


def test_a_non_breaking_hyphen_is_a_hyphen_and_a_dash_stays_a_dash():
    """Word's non-breaking hyphen would split `Nord\u2011Trøndelag` and `Ole\u2011Petter` in two."""
    assert normalise_text("Nord\u2011Trøndelag og Ole\u2010Petter \u2013 sier") == "Nord-Trøndelag og Ole-Petter \u2013 sier"


def test_every_white_space_character_is_handled_before_lines_are_stripped():
    """`normalise_text` strips lines by plain `replace` unless a character of `_RARE_SPACES`
    is present: every other white space character must be a space, a line break, a tab or
    CR (replaced), or translated (`_TRANSLATE`)."""
    from kslib.read.decode import _RARE_SPACES, _TRANSLATE

    spaces = {chr(c) for c in range(0x110000) if chr(c).isspace()}
    handled = {" ", "\n", "\t", "\r"} | {chr(c) for c in _TRANSLATE} | set(_RARE_SPACES)
    assert spaces <= handled, sorted(spaces - handled)


def test_a_file_with_many_bad_bytes_is_decoded_in_linear_time():
    """Counting the bytes that are not UTF-8 used to decode the rest of the file again after each
    one: quadratic in a file pasted together from UTF-8 and Windows-1252."""
    import time

    def timed(n: int) -> float:
        raw = ("Trøndelag og Ålesund. ".encode() + "Bærum og Vågå. ".encode("cp1252")) * n
        start = time.perf_counter()
        decoded = decode_bytes(raw)
        assert decoded.text.count("Vågå") == n and f"{3 * n} invalid bytes" in decoded.encoding
        return time.perf_counter() - start

    small = min(timed(300) for _ in range(3))
    assert timed(30_000) / small < 100 * 4
