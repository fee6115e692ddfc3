"""Web pages, Word files and PDFs to article text, each read by a library made for it.

The type is told by the file's bytes, not its name (`sniff`): a PDF starts with `%PDF-`,
a Word file is a zip holding `word/document.xml`, a web page starts with a tag; so a
worker needs only the bytes, and the cache's key (the bytes' hash) stays the same.

- web pages: trafilatura finds the main text (menus, cookie banners, related-article
  lists and footers removed) and the page's title, author and address; htmldate its
  publication date. Headings stay headings (a line of their own).
- Word (`.docx`): python-docx; a paragraph styled as a heading becomes a heading, a list
  item a bullet (`• `), tables are left out (their cells are rarely sentences); the core
  properties give title, author and created.
- PDF: pypdf's text layer, page by page; lines that repeat on most pages (running headers
  and footers) and page numbers are removed, words hyphenated at a line end are joined,
  and paragraphs are rebuilt where a line ends a sentence well short of the right margin.
  A PDF without a text layer is rejected as a scanned PDF.

Each reader returns a `Read` (text, what the file itself says about the article, and a
reason when it is rejected); it never raises.
"""

from __future__ import annotations

import io
import re
from collections import Counter
from dataclasses import dataclass, field

#: The file types read as articles, by their ending (the folder walk takes these).
SUFFIXES = (".txt", ".md", ".html", ".htm", ".docx", ".pdf")


@dataclass(frozen=True)
class Read:
    """A file's text and metadata (`title`, `date` as ISO text, `url`, `author`, `source`)."""

    text: str | None
    kind: str
    meta: dict = field(default_factory=dict)
    reason: str | None = None


def sniff(raw: bytes) -> str:
    """`pdf`, `docx`, `html` or `text`, from the first bytes."""
    head = raw[:1024].lstrip()
    if raw.startswith(b"%PDF-"):
        return "pdf"
    if raw.startswith(b"PK\x03\x04") and b"word/" in raw[:65536]:
        return "docx"
    low = head[:200].lower()
    if low.startswith((b"<!doctype html", b"<html", b"\xef\xbb\xbf<!doctype html", b"\xef\xbb\xbf<html")):
        return "html"
    return "text"


def read_file(raw: bytes) -> Read | None:
    """A Word file, PDF or web page read by its library; None for text (the caller decodes it)."""
    kind = sniff(raw)
    if kind == "pdf":
        return read_pdf(raw)
    if kind == "docx":
        return read_docx(raw)
    if kind == "html":
        return read_html(raw)
    return None


# -- web pages -------------------------------------------------------------------------------------
def read_html(raw: bytes) -> Read:
    """The main text of a web page (trafilatura) and its date (htmldate), title, author, address."""
    try:
        import trafilatura
        from htmldate import find_date

        page = raw.decode("utf-8", errors="replace")
        found = trafilatura.bare_extraction(page, include_comments=False, include_tables=False,
                                            include_formatting=False, favor_precision=True, with_metadata=True)
        meta_doc = found.as_dict() if hasattr(found, "as_dict") else (found or {})
        body = (meta_doc.get("text") or "").strip()
        if not body:
            return Read(None, "html", reason="web page without article text")
        date = find_date(page, extensive_search=False, original_date=True, outputformat="%Y-%m-%d")
    except Exception as exc:  # a page the libraries cannot read is rejected, never a crash
        return Read(None, "html", reason=f"web page that cannot be read ({type(exc).__name__})")
    title = (meta_doc.get("title") or "").strip() or None
    paragraphs = [line.strip() for line in body.split("\n") if line.strip()]
    if title and paragraphs and title.startswith(paragraphs[0]):
        title = paragraphs[0]  # the page's headline, without the site's name after it ("... - KS")
    elif title:
        title = re.sub(r"(?:^|\s+)[-–|]\s+[^-–|]{1,40}$", "", title).strip()  # "Tittel - KS" -> "Tittel"
        if title:
            paragraphs.insert(0, title)
    meta = {"title": title, "date": date, "url": meta_doc.get("url"), "author": meta_doc.get("author"),
            "source": "page"}
    return Read("\n\n".join(paragraphs), "html", {k: v for k, v in meta.items() if v})


# -- Word ------------------------------------------------------------------------------------------
def read_docx(raw: bytes) -> Read:
    """Paragraphs of a Word file (headings and list items kept as such) and its core properties."""
    try:
        import docx

        document = docx.Document(io.BytesIO(raw))
    except Exception as exc:
        return Read(None, "docx", reason=f"Word file that cannot be read ({type(exc).__name__})")
    paragraphs = []
    for p in document.paragraphs:
        text = " ".join(p.text.split())
        if not text:
            continue
        style = (p.style.name if p.style is not None else "") or ""
        if style.lower().startswith("list") or _is_numbered(p):
            text = f"• {text}"
        paragraphs.append(text)
    props = document.core_properties
    created = props.created or props.modified
    meta = {"title": (props.title or "").strip() or None, "author": (props.author or "").strip() or None,
            "date": created.date().isoformat() if created else None, "source": "document"}
    if not paragraphs:
        return Read(None, "docx", reason="Word file without text")
    return Read("\n\n".join(paragraphs), "docx", {k: v for k, v in meta.items() if v})


def _is_numbered(paragraph) -> bool:
    """A paragraph in a numbered or bulleted list without a list style (`w:numPr`)."""
    ppr = paragraph._p.pPr
    return ppr is not None and ppr.numPr is not None


# -- PDF -------------------------------------------------------------------------------------------
_PAGE_NUMBER = re.compile(r"^(?:side\s+)?\d{1,4}(?:\s*(?:/|av|of)\s*\d{1,4})?$", re.I)
_SENTENCE_END = re.compile(r"[.!?:»”\"]$")


def read_pdf(raw: bytes) -> Read:
    """The text layer of a PDF, with running headers, footers and page numbers removed,
    hyphenation at line ends joined and paragraphs rebuilt; its document info as metadata."""
    try:
        from pypdf import PdfReader

        reader = PdfReader(io.BytesIO(raw))
        if reader.is_encrypted:
            try:
                opened = reader.decrypt("")  # many PDFs are encrypted with an empty password
            except Exception:
                opened = 0
            if not opened:
                return Read(None, "pdf", reason="encrypted PDF (needs a password)")
        pages = [_page_lines(page) for page in reader.pages]
        info = reader.metadata or {}
    except Exception as exc:
        return Read(None, "pdf", reason=f"PDF that cannot be read ({type(exc).__name__})")
    if not any(re.search(r"\w{2}", text) for page in pages for _, text in page):
        return Read(None, "pdf", reason="scanned PDF without text (no text layer)")
    text = pdf_paragraphs(pages)
    date = getattr(info, "creation_date", None)
    meta = {"title": (info.get("/Title") or "").strip() or None if hasattr(info, "get") else None,
            "author": (info.get("/Author") or "").strip() or None if hasattr(info, "get") else None,
            "date": date.date().isoformat() if date else None, "source": "document"}
    return Read(text, "pdf", {k: v for k, v in meta.items() if v})


def _page_lines(page) -> list[tuple[float, str]]:
    """(height on the page, text) of each line of a page's text layer, top to bottom."""
    runs: list[tuple[float, str]] = []

    def visit(text, cm, tm, font, size):
        if text.strip():
            runs.append((round(tm[5] * cm[3] + cm[5], 1), text))

    page.extract_text(visitor_text=visit)
    lines: list[list] = []
    for y, text in runs:  # runs on the same height are one line
        if lines and abs(lines[-1][0] - y) < 1.0:
            lines[-1][1] += text
        else:
            lines.append([y, text])
    return [(y, " ".join(text.split())) for y, text in lines if text.strip()]


def pdf_paragraphs(pages: list[list[tuple[float, str]]]) -> str:
    """Lines of PDF pages to paragraphs separated by blank lines (see `read_pdf`): a gap
    between lines larger than the usual line spacing starts a paragraph, and so does a
    new page after a line that ends a sentence."""
    repeated = _running_lines([[text for _, text in page] for page in pages])
    kept = [[(y, t) for y, t in page if t not in repeated and not _PAGE_NUMBER.match(t)] for page in pages]
    gaps = sorted(round(a[0] - b[0], 1) for page in kept for a, b in zip(page, page[1:]) if a[0] > b[0])
    spacing = gaps[len(gaps) // 4] if gaps else 0.0  # the spacing of lines inside a paragraph
    lengths = sorted(len(t) for page in kept for _, t in page)
    full = lengths[int(len(lengths) * 0.8)] if lengths else 0  # the length of a full line
    paragraphs, current, last = [], "", ""
    for number, page in enumerate(kept):
        for i, (y, line) in enumerate(page):
            new_page = i == 0 and number > 0
            # on a new page no spacing tells: a paragraph ended if the last line ended a sentence or
            # stopped well short of the margin
            ended = bool(_SENTENCE_END.search(current)) or (current and len(last) < 0.85 * full)
            breaks = (i > 0 and page[i - 1][0] - y > 1.3 * spacing) or (new_page and ended)
            if current and breaks:
                paragraphs.append(current)
                current = ""
            if current.endswith("-") and line[:1].islower() and not current.endswith(" -"):
                current = current[:-1] + line  # a word hyphenated at the line end
            else:
                current = f"{current} {line}".strip()
            last = line
    if current:
        paragraphs.append(current)
    return "\n\n".join(paragraphs)


def _running_lines(pages: list[list[str]]) -> set[str]:
    """Lines on at least half the pages (and on two or more): running headers and footers."""
    if len(pages) < 2:
        return set()
    edges = [set(page[:2]) | set(page[-2:]) for page in pages]  # headers and footers sit at the edges
    counts = Counter(line for page in edges for line in page if line)
    return {line for line, n in counts.items() if n >= max(2, len(pages) / 2)}
