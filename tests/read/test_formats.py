"""Web pages, Word files and PDFs the tests write themselves, read as articles."""

from __future__ import annotations

import warnings

import pandas as pd
import pytest

from kslib.corpus import load_corpus
from kslib.read.formats import pdf_paragraphs, read_docx, read_html, read_pdf, sniff

from ..conftest import write
from .make_formats import ks_page, pdf_file, scanned_pdf, word_file

TITLE = "Nye bussruter i Drammen"
PARAGRAPHS = ["Fylkestinget vedtok nye bussruter mellom Drammen og Lier, og kommunene er fornøyde med tilbudet.",
              "- Dette gir innbyggerne i Drammen et bedre tilbud, sier ordfører Kari Nordmann i Drammen kommune.",
              "Rutene starter i august, og Lier kommune bidrar med nye holdeplasser.",
              "• Flere avganger om morgenen",
              "- Vi har ventet lenge på dette, sier rådmann Per Hansen."]


def _load(folder):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return load_corpus(folder, cache=False)


def _written_four_ways(tmp_path, title=TITLE, paragraphs=PARAGRAPHS):
    write(tmp_path / "txt", "a.txt", "\n\n".join([title, *paragraphs]))
    write(tmp_path / "html", "a.html", ks_page(title, paragraphs))
    (tmp_path / "docx").mkdir()
    word_file(tmp_path / "docx" / "a.docx", title, paragraphs)
    (tmp_path / "pdf").mkdir()
    pdf_file(tmp_path / "pdf" / "a.pdf", title, paragraphs)
    return {kind: _load(tmp_path / kind) for kind in ("txt", "html", "docx", "pdf")}


def _tables(corpus):
    quotes = corpus.quotes.merge(corpus.people[["person_id", "name"]], left_on="speaker_id", right_on="person_id")
    return {"paragraphs": list(zip(corpus.paragraphs["kind"], corpus.paragraphs["text"])),
            "quotes": sorted(zip(quotes["name"], quotes["text"])),
            "people": sorted(zip(corpus.people["name"], corpus.people["role"].astype(str), corpus.people["gender"].astype(str))),
            "places": sorted(zip(corpus.places["name"], corpus.places["kind"].astype(str)))}


def test_the_same_article_as_text_web_page_word_and_pdf_gives_the_same_tables(tmp_path):
    corpora = _written_four_ways(tmp_path)
    expected = _tables(corpora["txt"])
    assert len(expected["quotes"]) == 2 and ("bullet", "• Flere avganger om morgenen") in expected["paragraphs"]
    for kind in ("html", "docx", "pdf"):
        assert _tables(corpora[kind]) == expected, kind
    # what only the files themselves know
    a = {kind: c.articles.iloc[0] for kind, c in corpora.items()}
    assert a["html"]["date"] == pd.Timestamp("2021-03-16") and a["html"]["year"] == 2021
    assert a["html"]["year_source"] == "page" and a["html"]["date_source"] == "page"
    assert a["html"]["url"].startswith("https://www.ks.no/fagomrader/test/")
    assert a["docx"]["author"] == "KS" and a["docx"]["date_source"] == "document"
    assert a["pdf"]["date_source"] == "document" and pd.isna(a["txt"]["date_source"])
    assert a["pdf"]["year_source"] != "document"  # a file's creation date is not the article's year


def test_a_ks_page_keeps_the_article_and_drops_menu_cookies_related_and_footer():
    read = read_html(ks_page(TITLE, PARAGRAPHS).encode())
    assert read.text.split("\n\n")[0] == TITLE and PARAGRAPHS[1] in read.text
    for chrome in ("Forsiden", "informasjonskapsler", "Relaterte artikler", "Slik går tariffoppgjøret", "Haakon VIIs"):
        assert chrome not in read.text
    assert read.meta["date"] == "2021-03-16" and read.meta["source"] == "page"


def test_a_plain_news_page_without_metadata():
    page = ("<html><head><title>Kommunene får mer penger</title></head><body><div class='menu'><a href='/'>Hjem</a>"
            "</div><div class='story'><h1>Kommunene får mer penger</h1><time datetime='2023-10-06'>6. oktober 2023"
            "</time><p>Regjeringen legger fram statsbudsjettet, og kommunene i Nordland får mer å rutte med.</p>"
            "<p>- Vi er fornøyde med dette, sier ordfører Ida Pinnerød i Bodø.</p></div></body></html>")
    read = read_html(page.encode())
    assert "Regjeringen legger fram" in read.text and "Hjem" not in read.text
    assert read.meta["date"] == "2023-10-06"


def test_a_word_file_gives_headings_bullets_and_its_properties_but_not_its_table(tmp_path):
    read = read_docx(word_file(tmp_path / "a.docx", TITLE, PARAGRAPHS, author="Kari Nordmann").read_bytes())
    parts = read.text.split("\n\n")
    assert parts[0] == TITLE and "• Flere avganger om morgenen" in parts
    assert "Innbyggere" not in read.text  # tables are left out (README says so)
    assert read.meta["author"] == "Kari Nordmann" and read.meta["title"] == TITLE and read.meta["date"]


def test_a_pdf_loses_running_header_and_page_numbers_and_joins_hyphenated_words(tmp_path):
    long = [f"{p[:-1]} i uke {week}." if p.endswith(".") else f"{p} i uke {week}"
            for week in range(1, 9) for p in PARAGRAPHS]  # more than a page, no paragraph twice
    read = read_pdf(pdf_file(tmp_path / "a.pdf", TITLE, long, hyphenate="kommunesektoren").read_bytes())
    assert "Kommunesektorens organisasjon" not in read.text  # the running header
    assert not any(line.strip().isdigit() for line in read.text.split("\n\n"))  # page numbers
    assert "alle kommunesektoren i landet." in read.text  # joined over the line end
    parts = read.text.split("\n\n")
    assert parts[0] == TITLE and parts[1:-1] == long


def test_pdf_paragraphs_from_line_spacing():
    page_one = [(800.0, "Tittel"), (780.0, "Første avsnitt går over"), (766.0, "to linjer."),
                (744.0, "Andre avsnitt."), (30.0, "1")]
    page_two = [(800.0, "Fortsatt andre avsnitt-"), (786.0, "ene, som slutter her.")]
    assert pdf_paragraphs([page_one, page_two]).split("\n\n") == [
        "Tittel", "Første avsnitt går over to linjer.", "Andre avsnitt.", "Fortsatt andre avsnittene, som slutter her."]


def test_files_that_cannot_be_read_are_rejected_with_their_reason_and_the_rest_still_load(tmp_path):
    from pypdf import PdfWriter

    write(tmp_path, "god.txt", "\n\n".join([TITLE, *PARAGRAPHS]))
    scanned_pdf(tmp_path / "skannet.pdf")
    writer = PdfWriter()
    writer.add_blank_page(width=200, height=200)
    writer.encrypt("hemmelig")
    with open(tmp_path / "kryptert.pdf", "wb") as fh:
        writer.write(fh)
    write(tmp_path, "ødelagt.docx", b"PK\x03\x04word/ this is no zip")
    write(tmp_path, "ødelagt.pdf", b"%PDF-1.4 garbage")
    write(tmp_path, "tall.xlsx", b"PK\x03\x04xl/")
    write(tmp_path, "lysark.pptx", b"PK\x03\x04ppt/")
    write(tmp_path, "bilde.png", b"\x89PNG\r\n\x1a\n")
    corpus = _load(tmp_path)
    reasons = dict(zip(corpus.rejected["file"], corpus.rejected["reason"]))
    assert list(corpus.articles["file"]) == ["god.txt"]
    assert reasons["skannet.pdf"] == "scanned PDF without text (no text layer)"
    assert reasons["kryptert.pdf"] == "encrypted PDF (needs a password)"
    assert reasons["ødelagt.docx"].startswith("Word file that cannot be read")
    assert reasons["ødelagt.pdf"].startswith("PDF that cannot be read")
    for name, suffix in (("tall.xlsx", ".xlsx"), ("lysark.pptx", ".pptx"), ("bilde.png", ".png")):
        assert reasons[name].startswith(f"file type {suffix} is not read")
    assert len(corpus.articles) + len(corpus.rejected) == corpus.n_files == 8


def test_the_metadata_file_wins_over_what_a_page_says(tmp_path):
    write(tmp_path, "a.html", ks_page(TITLE, PARAGRAPHS))
    write(tmp_path, "metadata.csv", "file,date\na.html,2019-05-02\n")
    a = _load(tmp_path).articles.iloc[0]
    assert a["date"] == pd.Timestamp("2019-05-02") and a["year"] == 2019
    assert a["date_source"] == "metadata" and a["year_source"] == "metadata"


def test_every_type_is_cached_and_read_again_the_same(tmp_path, monkeypatch):
    _written_four_ways(tmp_path / "alle")
    folder = tmp_path / "blandet"
    for kind in ("txt", "html", "docx", "pdf"):
        write(folder, f"a.{kind}", (tmp_path / "alle" / kind / f"a.{kind}").read_bytes())
    monkeypatch.setenv("KSLIB_CACHE", str(tmp_path / "cache"))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        cold = load_corpus(folder)
        warm = load_corpus(folder)
    assert cold.n_parsed == 4 and warm.n_parsed == 0
    for name in ("articles", "paragraphs", "quotes", "people", "places"):
        pd.testing.assert_frame_equal(getattr(cold, name), getattr(warm, name))


@pytest.mark.parametrize("raw, kind", [(b"%PDF-1.7", "pdf"), (b"PK\x03\x04....word/document.xml", "docx"),
                                       (b"<!DOCTYPE html><html>", "html"), (b"Vanlig tekst", "text"),
                                       (b"PK\x03\x04xl/workbook", "text")])
def test_the_type_is_told_by_the_bytes(raw, kind):
    assert sniff(raw) == kind


def test_the_seeds_saved_as_web_pages_word_files_and_pdfs_give_the_same_tables(tmp_path, seeds):
    from pathlib import Path

    for row in seeds.articles.itertuples():
        texts = seeds.paragraphs.loc[seeds.paragraphs["article_id"] == row.article_id, "text"].tolist()
        title = row.title if isinstance(row.title, str) else None
        rest = texts[1:] if title else texts
        stem = Path(row.file).stem
        write(tmp_path / "txt", f"{stem}.txt", "\n\n".join(texts))
        write(tmp_path / "html", f"{stem}.html", ks_page(title, rest))
        (tmp_path / "docx").mkdir(exist_ok=True)
        word_file(tmp_path / "docx" / f"{stem}.docx", title, rest)
        (tmp_path / "pdf").mkdir(exist_ok=True)
        pdf_file(tmp_path / "pdf" / f"{stem}.pdf", title, rest)
    expected = _tables(_load(tmp_path / "txt"))
    assert len(expected["quotes"]) == len(seeds.quotes) and len(expected["places"]) == len(seeds.places)
    for kind in ("html", "docx", "pdf"):
        assert _tables(_load(tmp_path / kind)) == expected, kind
