"""The report a KS adviser can forward: one HTML page, offline, with a cover and contents.

`write_html` merges the executed notebooks (without code) into one page and then
`finish_page` gives it a cover (title, folder, number of articles, period, when it was
made, kslib version), the key numbers, a linked table of contents and a print
stylesheet, and removes everything that would load from elsewhere: the page makes no
request when it opens. `print_pdf` prints the finished page with headless Chromium.
"""

from __future__ import annotations

import html
import os
import re
import shutil
import subprocess
from pathlib import Path

from kslib._engine.writer import atomic_path

#: nbconvert's settings that point the page at scripts on a CDN (MathJax, require.js, mermaid ...).
_CDN_TRAITS = ("mathjax_url", "require_js_url", "mermaid_js_url", "mermaid_layout_elk_js_url", "jquery_url",
               "widget_renderer_url", "jupyter_widgets_base_url")
_SKIPPED_TAGS = {"parameters", "injected-parameters"}

#: The report's own look, on screen and on paper.
STYLESHEET = """
body { font-family: "DejaVu Sans", "Helvetica Neue", Arial, sans-serif; }
#forside { border-bottom: 3px solid #1f4e79; margin: 0 0 2em; padding: 1em 0 1.5em; }
#forside h1 { font-size: 2.2em; color: #1f4e79; margin: 0 0 .3em; }
#forside .undertittel { font-size: 1.15em; color: #333; margin: 0 0 1em; }
#forside dl { display: grid; grid-template-columns: max-content auto; gap: .25em 1.5em; margin: 0 0 1.2em; }
#forside dt { font-weight: bold; } #forside dd { margin: 0; }
#forside table.nokkeltall { border-collapse: collapse; margin: .5em 0; }
#forside table.nokkeltall td { padding: .2em 1.2em .2em 0; border-bottom: 1px solid #ddd; }
#forside table.nokkeltall td.tall { text-align: right; font-variant-numeric: tabular-nums; }
#innhold { margin: 0 0 2.5em; } #innhold h2 { font-size: 1.3em; }
#innhold ol { margin: .2em 0 .6em 1.2em; padding: 0; } #innhold li { margin: .15em 0; }
#innhold a { color: #1f4e79; text-decoration: none; } #innhold a:hover { text-decoration: underline; }
.jp-RenderedImage img { max-width: 100%; height: auto; }
@media print {
  @page { size: A4; margin: 18mm 15mm; }
  body { font-size: 10.5pt; }
  #innhold { page-break-after: always; }
  h1.kslib-del { page-break-before: always; }
  h2, h3 { page-break-after: avoid; }
  .jp-OutputArea-output, img, table { page-break-inside: avoid; }
  .anchor-link, .dt-search, .dt-length, .dt-paging, .dt-info { display: none !important; }
  a { color: inherit; text-decoration: none; }
}
"""


def write_html(executed: list[Path], target: Path, *, title: str, cover: dict | None = None) -> Path:
    """All executed notebooks as one HTML page without code cells, images embedded, with
    a cover and contents when `cover` (see `finish_page`) is given."""
    import nbformat
    from nbconvert import HTMLExporter

    merged = nbformat.v4.new_notebook()
    merged.metadata["title"] = title
    for path in executed:
        nb = nbformat.read(path, as_version=4)
        for cell in nb.cells:
            if cell.cell_type == "code" and _SKIPPED_TAGS & set(cell.metadata.get("tags", [])):
                continue
            merged.cells.append(cell)
    exporter = HTMLExporter(template_name="lab")
    exporter.exclude_input = True
    exporter.exclude_input_prompt = True
    exporter.exclude_output_prompt = True
    exporter.log.setLevel("ERROR")  # its note on images without alt text: finish_page gives them one
    for url in _CDN_TRAITS:  # nothing is loaded from outside: the report opens offline, leaks nothing
        if exporter.has_trait(url):
            setattr(exporter, url, "")
    body, _ = exporter.from_notebook_node(merged)
    body = finish_page(offline_html(body), title=title, cover=cover)
    with atomic_path(target) as tmp:
        tmp.write_text(body, encoding="utf-8")
    return target


def offline_html(body: str) -> str:
    """The page without elements that would load anything from elsewhere: scripts and
    stylesheets with an empty or remote address are removed."""
    body = re.sub(r"<script\b[^>]*\bsrc=[\"'](?:|https?:[^\"']*|//[^\"']*)[\"'][^>]*>\s*</script>", "", body,
                  flags=re.I)
    return re.sub(r"<link\b[^>]*\bhref=[\"'](?:https?:|//)[^\"']*[\"'][^>]*>", "", body, flags=re.I)


def finish_page(page: str, *, title: str, cover: dict | None) -> str:
    """The merged page with one copy of the table library, numbered sections, and, with
    `cover`, a cover and a linked table of contents. `cover` holds `folder`, `articles`,
    `period`, `made`, `version` and `numbers` (a list of (label, value))."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(page, "html.parser")
    _one_table_library(soup)
    style = soup.new_tag("style")
    style.string = STYLESHEET
    (soup.head or soup).append(style)
    main = soup.find("main") or soup.body or soup
    entries = _number_sections(soup, main)
    _describe_images(main)
    if cover is not None:
        front = BeautifulSoup(_cover_html(title, cover) + _contents_html(entries), "html.parser")
        main.insert(0, front)
    return str(soup)


def _one_table_library(soup) -> None:
    """Each notebook loads the interactive-table library into its own kernel's page; in one
    page it is needed once: later copies (the same script, a megabyte each) are removed."""
    seen = set()
    for script in soup.find_all("script"):
        text = script.string or ""
        if len(text) > 50_000 and "_itables_" in text:
            if text in seen:
                script.decompose()
            seen.add(text)


def _number_sections(soup, main) -> list[tuple[int, str, str]]:
    """Give every notebook title (h1) and section (h2) a stable anchor; returns
    (level, id, text) in page order. nbconvert's pilcrow links are removed."""
    for link in main.select("a.anchor-link"):
        link.decompose()
    entries, part, section = [], 0, 0
    for heading in main.find_all(["h1", "h2"]):
        text = heading.get_text(" ", strip=True)
        if heading.name == "h1":
            part, section = part + 1, 0
            anchor = f"del-{part}"
            heading["class"] = heading.get("class", []) + ["kslib-del"]
        else:
            section += 1
            anchor = f"del-{part}-{section}"
        heading["id"] = anchor
        entries.append((1 if heading.name == "h1" else 2, anchor, text))
    return entries


def _describe_images(main) -> None:
    """Every figure gets an alt text: the section it belongs to (read aloud by screen readers)."""
    for img in main.find_all("img"):
        if not img.get("alt"):
            heading = img.find_previous(["h2", "h1"])
            img["alt"] = f"Figur: {heading.get_text(' ', strip=True)}" if heading else "Figur"


def _cover_html(title: str, cover: dict) -> str:
    e = html.escape
    facts = [("Mappe", cover["folder"]), ("Artikler", cover["articles"]), ("Periode", cover["period"]),
             ("Laget", cover["made"]), ("Verktøy", f"kslib {cover['version']}")]
    rows = "".join(f"<dt>{e(str(k))}</dt><dd>{e(str(v))}</dd>" for k, v in facts)
    numbers = "".join(f"<tr><td>{e(str(k))}</td><td class='tall'>{e(str(v))}</td></tr>"
                      for k, v in cover.get("numbers", []))
    return (f"<header id='forside'><h1>{e(title)}</h1>"
            f"<p class='undertittel'>Rapport fra kslib om KS-artiklene i mappen «{e(str(cover['folder']))}»</p>"
            f"<dl>{rows}</dl><h2>Nøkkeltall</h2><table class='nokkeltall'>{numbers}</table></header>")


def _contents_html(entries) -> str:
    parts, open_list = ["<nav id='innhold'><h2>Innhold</h2><ol>"], False
    for level, anchor, text in entries:
        link = f"<a href='#{anchor}'>{html.escape(text)}</a>"
        if level == 1:
            if open_list:
                parts.append("</ol></li>")
            parts.append(f"<li>{link}<ol>")
            open_list = True
        else:
            parts.append(f"<li>{link}</li>")
    if open_list:
        parts.append("</ol></li>")
    parts.append("</ol></nav>")
    return "".join(parts)


def find_chromium() -> str | None:
    """The Chromium (or Chrome) on this machine, else None; $KSLIB_CHROMIUM wins."""
    named = os.environ.get("KSLIB_CHROMIUM")
    if named:
        return named
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        found = shutil.which(name)
        if found:
            return found
    return None


NO_CHROMIUM = ("a PDF needs Chromium, which is not installed (Debian/Ubuntu: `sudo apt-get install chromium`, "
               "or `make chromium`)")
#: Flags for a headless Chromium that makes no connection of its own.
CHROMIUM_FLAGS = ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic")


def print_pdf(page: Path, target: Path, *, timeout: float = 180) -> Path:
    """Print the HTML `page` to `target` (A4, the print stylesheet) with headless Chromium.

    Raises RuntimeError in one sentence when Chromium is missing or fails."""
    import tempfile

    browser = find_chromium()
    if browser is None:
        raise RuntimeError(NO_CHROMIUM)
    with tempfile.TemporaryDirectory(prefix="kslib-chromium-") as profile, atomic_path(target) as tmp:
        command = [browser, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", "--no-pdf-header-footer",
                   "--virtual-time-budget=15000", f"--print-to-pdf={tmp}", Path(page).resolve().as_uri()]
        try:
            done = subprocess.run(command, capture_output=True, timeout=timeout, check=False)
        except subprocess.TimeoutExpired:
            raise RuntimeError(f"Chromium did not print {page} within {timeout:.0f} s") from None
        if done.returncode or not Path(tmp).is_file() or Path(tmp).stat().st_size == 0:
            last = (done.stderr.decode("utf-8", "replace").strip().splitlines() or ["no message"])[-1]
            raise RuntimeError(f"Chromium could not print {page} to PDF ({last})")
    return target
