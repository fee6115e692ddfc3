"""Files the format tests write themselves: an article as a ks.no-like web page, a Word file
and a PDF with a real text layer (fpdf2), from its paragraphs."""

from __future__ import annotations

import html
from pathlib import Path

FONT = Path(__import__("matplotlib").get_data_path()) / "fonts" / "ttf" / "DejaVuSans.ttf"


def ks_page(title: str, paragraphs: list[str], *, published: str = "2021-03-16T10:00:00+01:00") -> str:
    """A page shaped like a ks.no article: menu, breadcrumb, body, related articles, footer."""
    body = "\n".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
    title = title or ""
    return f"""<!DOCTYPE html><html lang="nb"><head><meta charset="utf-8">
<title>{html.escape(title)} - KS</title>
<meta property="og:title" content="{html.escape(title)}">
<meta property="article:published_time" content="{published}">
<link rel="canonical" href="https://www.ks.no/fagomrader/test/{abs(hash(title)) % 10**6}/">
</head><body>
<div id="cookie-banner"><p>Vi bruker informasjonskapsler for å gi deg en bedre opplevelse. Godta alle.</p></div>
<header><nav><ul><li><a href="/">Forsiden</a></li><li><a href="/fagomrader">Fagområder</a></li>
<li><a href="/om-ks">Om KS</a></li><li><a href="/kontakt">Kontakt oss</a></li></ul></nav></header>
<nav class="breadcrumb"><a href="/">KS</a> / <a href="/fagomrader">Fagområder</a> / Artikkel</nav>
<main><article><h1>{html.escape(title)}</h1>
{body}
</article>
<aside class="related"><h2>Relaterte artikler</h2><ul>
<li><a href="/a">Nytt om kommuneøkonomi i statsbudsjettet</a></li>
<li><a href="/b">Slik går tariffoppgjøret</a></li></ul></aside></main>
<footer><p>KS, Haakon VIIs gate 9, 0161 Oslo. Telefon 24 13 26 00. Personvern og informasjonskapsler.</p></footer>
</body></html>"""


def word_file(path: Path, title: str, paragraphs: list[str], *, author: str = "KS") -> Path:
    """A .docx: the title as a heading, list items in a list style, a table, core properties."""
    import docx

    document = docx.Document()
    if title:
        document.add_heading(title, level=1)
    for p in paragraphs:
        if p.startswith("• "):
            document.add_paragraph(p[2:], style="List Bullet")
        else:
            document.add_paragraph(p)
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "Kommune", "Innbyggere"
    table.cell(1, 0).text, table.cell(1, 1).text = "Drammen", "102 000"
    document.core_properties.title = (title or "")[:255]
    document.core_properties.author = author
    document.save(path)
    return path


def pdf_file(path: Path, title: str, paragraphs: list[str], *, header: str = "KS – Kommunesektorens organisasjon",
             hyphenate: str | None = None) -> Path:
    """A PDF with a text layer: running header, page numbers, one paragraph per block,
    spread over at least two pages; `hyphenate` (a word) is split over a line end."""
    from fpdf import FPDF

    class Page(FPDF):
        def header(self):
            self.set_font("dejavu", size=8)
            self.cell(0, 6, header, new_x="LMARGIN", new_y="NEXT")

        def footer(self):
            self.set_y(-12)
            self.set_font("dejavu", size=8)
            self.cell(0, 6, str(self.page_no()), align="C")

    pdf = Page()
    pdf.add_font("dejavu", fname=str(FONT))
    pdf.set_auto_page_break(True, 20)
    pdf.add_page()
    pdf.set_font("dejavu", size=11)
    blocks = ([title] if title else []) + list(paragraphs)
    for i, p in enumerate(blocks):
        if i == len(blocks) - 1 and pdf.page_no() < 2:
            pdf.add_page()  # two pages at least: the running header and page numbers repeat
        pdf.multi_cell(0, 5.5, p, new_x="LMARGIN", new_y="NEXT", align="L")
        pdf.ln(4)
    if hyphenate:
        half = len(hyphenate) // 2
        pdf.cell(0, 5.5, f"Dette gjelder alle {hyphenate[:half]}-", new_x="LMARGIN", new_y="NEXT")
        pdf.cell(0, 5.5, f"{hyphenate[half:]} i landet.", new_x="LMARGIN", new_y="NEXT")
    pdf.set_title(title or "")
    pdf.set_author("KS")
    pdf.output(str(path))
    return path


def scanned_pdf(path: Path) -> Path:
    """A PDF with only a picture on its page: no text layer."""
    import matplotlib
    from fpdf import FPDF

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    picture = path.with_suffix(".png")
    fig, ax = plt.subplots(figsize=(2, 1))
    ax.text(0.1, 0.5, "Skannet side")
    ax.axis("off")
    fig.savefig(picture)
    plt.close(fig)
    pdf = FPDF()
    pdf.add_page()
    pdf.image(str(picture), x=10, y=10, w=100)
    pdf.output(str(path))
    picture.unlink()
    return path
