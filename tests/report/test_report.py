"""`kslib report` on a small folder the test writes: every figure and report.html."""

import pytest

from kslib.cli import main
from kslib.report.notebooks import notebooks

from ..conftest import write

NYNORSK = ("Kommunane i Vestland får meir pengar\n\n"
           "Statsbudsjettet gjev kommunane i Vestland eit større handlingsrom neste år.\n\n"
           "- Dette er gode nyheiter for innbyggjarane våre, seier fylkesordførar Ola Nordmann.\n\n"
           "Ordføraren i Bergen meiner at pengane må gå til eldreomsorg og skule.")
NO_QUOTES = ("Ny avtale om digitalisering\n\n"
             "KS og kommunane i Innlandet har inngått ein avtale om digitalisering og kunstig intelligens. "
             "Avtalen gjeld frå 1. januar 2025 og omfattar alle kommunane i fylket.")
VIKEN = ("Nye bussruter i Viken\n\n"
         "Fylkestinget i Viken vedtok 16. mars 2021 nye bussruter mellom Drammen og Lier.\n\n"
         "- Dette gir innbyggerne i Drammen et bedre tilbud, sier fylkesordfører Anette Solli.")
BOKMAL = ("Tariffoppgjøret er i gang\n\n"
          "- Vi forhandler om lønn for alle ansatte i kommunene, sier arbeidslivsdirektør Kari Hansen i KS.\n\n"
          "Forhandlingene i Oslo fortsetter i morgen. Kommunene i Viken og Agder følger med.")


@pytest.mark.slow
def test_report_on_a_small_folder(tmp_path, capsys):
    data, out = tmp_path / "artikler", tmp_path / "rapport"
    write(data, "nynorsk.txt", NYNORSK)
    write(data, "utan-sitat.txt", NO_QUOTES)
    write(data, "bokmal.txt", BOKMAL)
    write(data, "viken.txt", VIKEN)
    from kslib import config

    before = {p.name: p.stat().st_mtime_ns for p in config.FIGURES_DIR.iterdir()}
    assert main(["report", str(data), "--out", str(out)]) == 0
    assert {p.name: p.stat().st_mtime_ns for p in config.FIGURES_DIR.iterdir()} == before  # figures/ untouched
    printed = capsys.readouterr().out
    assert printed.count(": ok (") == len(notebooks())
    figures = out / "figures"
    expected = {"01-avsnitt-etter-type", "01-maalform", "02-temaandeler", "03-kart", "04-kjonn",
                "05-ordsky"}
    for name in expected:
        for suffix in (".png", ".svg", ".csv"):
            path = figures / f"{name}{suffix}"
            assert path.exists() and path.stat().st_size > 0, path
    html = (out / "report.html").read_text(encoding="utf-8")
    assert len(html) > 10_000 and "data:image/png;base64" in html and "02 Temaer" in html
    assert "load_corpus" not in html  # no code cells
    assert "4 filer: 4 nye, 0 fra hurtigbufferen" in printed
    # too few articles for topics and keyness: the report says why, and draws nothing
    assert "vises ikke: metoden trenger minst 20 artikler, og her er det 4." in html
    assert not (figures / "02-nmf-temaer.png").exists() and not (figures / "05-keyness.png").exists()
    # the Viken-era article is on the 2024 map, placed by its municipalities, and the caption says so
    assert "1 artikkel handler om fylker som ikke finnes på 2024-kartet (Viken)" in html
    kart = (figures / "03-kart.csv").read_text(encoding="utf-8")
    assert "kommune,Drammen" in kart
    assert len(list((out / "notebooks").glob("*.ipynb"))) == len(notebooks())


def test_report_on_a_folder_where_every_file_is_rejected(tmp_path, capsys):
    write(tmp_path, "tom.txt", "")
    write(tmp_path, "kreditt.txt", "Foto: KS")
    assert main(["report", str(tmp_path), "--out", str(tmp_path / "ut")]) == 2
    err = capsys.readouterr().err
    assert "All 2 files" in err and "Traceback" not in err


def test_a_failing_notebook_is_reported_and_the_rest_still_run(tmp_path, seeds_dir):
    import nbformat

    from kslib.report.notebooks import run_report

    books = tmp_path / "books"
    books.mkdir()
    for name, source in (("01-ok", "x = 1"), ("02-broken", "1 / 0"), ("03-ok", "y = 2")):
        nb = nbformat.v4.new_notebook()
        nb.cells = [nbformat.v4.new_code_cell('DATA_DIR = "."\nOUT_DIR = "."', metadata={"tags": ["parameters"]}),
                    nbformat.v4.new_code_cell(source)]
        nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
        nbformat.write(nb, books / f"{name}.ipynb")
    said = []
    code = run_report(seeds_dir, tmp_path / "out", notebook_dir=books, progress=said.append)
    assert code == 1
    assert any("02-broken: FAILED in cell" in s and "ZeroDivisionError" in s for s in said)
    assert any("03-ok: ok" in s for s in said)
    assert (tmp_path / "out" / "report.html").exists()


def test_the_cover_counts_the_articles_without_a_year_in_good_norwegian(tmp_path):
    """One article without a year is `1 artikkel`, two are `2 artikler`."""
    from kslib.corpus import load_corpus
    from kslib.report.notebooks import cover_facts

    write(tmp_path, "a.txt", VIKEN)  # dated: 2021
    write(tmp_path, "b.txt", BOKMAL)  # no year in its text
    assert cover_facts(load_corpus(tmp_path, cache=False), tmp_path)["period"] == "2021 (1 artikkel uten kjent år)"
    write(tmp_path, "c.txt", BOKMAL.replace("Hansen", "Olsen"))
    assert "(2 artikler uten kjent år)" in cover_facts(load_corpus(tmp_path, cache=False), tmp_path)["period"]
