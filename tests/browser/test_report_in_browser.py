"""report.html opened in Chromium with the network cut off: cover, contents, figures and
an interactive table of more than 30 rows that filters on a search."""

from __future__ import annotations

import re

import pytest

pytestmark = pytest.mark.slow


def _open_offline(browser, page_path, shots):
    context = browser.new_context(viewport={"width": 1300, "height": 900}, offline=True)
    attempted = []

    def route(r):
        url = r.request.url
        if url.startswith(("file:", "data:", "blob:")):
            return r.continue_()
        attempted.append(url)
        return r.abort()

    context.route("**/*", route)
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.goto(page_path.resolve().as_uri(), wait_until="load")
    page.wait_for_timeout(1500)  # the table library loads from the page itself
    page.screenshot(path=str(shots / "report-top.png"))
    return context, page, attempted, errors


def test_the_report_opens_offline_with_cover_contents_figures_and_working_tables(browser, speaker_report, shots):
    context, page, attempted, errors = _open_offline(browser, speaker_report / "report.html", shots)
    where = f"(screenshots in {shots})"
    try:
        assert attempted == [], f"the report tried to load {attempted[:5]} {where}"
        assert not errors, f"errors in the page: {errors[:3]} {where}"
        # the cover: title, folder, number of articles, period, date, version
        cover = page.locator("#forside")
        assert cover.is_visible(), where
        text = cover.inner_text()
        for expected in ("KS-artikler", "mange-kilder", "Periode", "Laget", "kslib 0.",
                         "Nøkkeltall"):
            assert expected in text, f"{expected!r} not on the cover {where}: {text!r}"
        period = cover.locator("dt:text-is('Periode') + dd").inner_text()
        assert re.fullmatch(r"20\d\d–20\d\d", period), f"the period on the cover is {period!r} {where}"
        # the contents link every notebook and its sections to headings that exist
        links = page.locator("#innhold a")
        assert links.count() >= 6 * 3, where
        for href in links.evaluate_all("els => els.map(e => e.getAttribute('href'))"):
            assert page.locator(href).count() == 1, f"{href} leads nowhere {where}"
        # every figure renders
        sizes = page.locator("img").evaluate_all("els => els.map(e => [e.complete, e.naturalWidth])")
        assert len(sizes) >= 15 and all(done and width > 0 for done, width in sizes), f"{sizes} {where}"
        # the speaker table (36 people) is interactive: rows, paging, search
        table = page.locator("table.dataTable").filter(has_text="Ingrid Bakken").first
        table.scroll_into_view_if_needed()
        assert table.locator("tbody tr").count() >= 10, where
        wrapper = page.locator(".dt-container").filter(has=table)
        assert "36" in wrapper.locator(".dt-info").inner_text(), where
        wrapper.locator("input[type=search]").fill("Ingrid Bakken")
        page.wait_for_timeout(500)
        page.screenshot(path=str(shots / "report-search.png"))
        rows = table.locator("tbody tr")
        assert rows.count() == 1 and "Ingrid Bakken" in rows.first.inner_text(), where
        # on paper: the print stylesheet hides the table controls
        page.emulate_media(media="print")
        assert not wrapper.locator("input[type=search]").is_visible(), where
    except AssertionError:
        page.screenshot(path=str(shots / "report-failed.png"), full_page=False)
        raise
    finally:
        context.close()


def test_the_report_and_every_figure_are_written_as_pdf_on_request(speaker_report):
    pdf = speaker_report / "report.pdf"
    assert pdf.read_bytes()[:5] == b"%PDF-" and pdf.stat().st_size > 100_000
    pngs = sorted(p.stem for p in (speaker_report / "figures").glob("*.png"))
    pdfs = sorted(p.stem for p in (speaker_report / "figures").glob("*.pdf"))
    assert pngs and pdfs == pngs
    assert b"/FontFile2" in (speaker_report / "figures" / f"{pdfs[0]}.pdf").read_bytes()  # the font is embedded
