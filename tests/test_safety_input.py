"""Hostile input: damaged caches, odd bytes, odd paths, odd metadata, odd cells. Each test
makes the case itself, shows what used to go wrong, and that it no longer does."""

from __future__ import annotations

import os
import random
import shutil
import warnings
from pathlib import Path

import pandas as pd
import pytest

import kslib
from kslib import config
from kslib._engine import cache as cache_mod
from kslib.cli import main
from kslib.read.decode import decode_bytes, normalise_text

from .conftest import ARTICLE, write

ROOT = Path(__file__).resolve().parents[1]
TWO = {"a.txt": ARTICLE, "b.txt": ARTICLE.replace("Hamar", "Gjøvik").replace("Kari Nordmann", "Ola Berg")}


def folder_of(tmp_path: Path, files: dict[str, str | bytes]) -> Path:
    data = tmp_path / "data"
    for name, content in files.items():
        write(data, name, content)
    return data


def same_tables(a, b) -> None:
    for name, df in a.tables().items():
        pd.testing.assert_frame_equal(df, b.tables()[name], obj=name)


# -- 4. decoding keeps what it can ------------------------------------------------------
def test_one_bad_byte_in_a_utf8_file_keeps_every_letter_and_says_so(tmp_path):
    good = ARTICLE.replace("Hamar", "Trøndelag og Ålesund").encode()
    raw = good[:20] + b"\xff" + good[20:]
    decoded = decode_bytes(raw)
    assert "Trøndelag og Ålesund" in decoded.text and "Ă" not in decoded.text
    assert decoded.encoding.startswith("utf-8") and "1 invalid byte" in decoded.encoding
    data = folder_of(tmp_path, {"skadet.txt": raw})
    with pytest.warns(UserWarning, match="skadet.txt is not valid UTF-8"):
        corpus = kslib.load_corpus(data, cache=False)
    assert corpus.people["name"].tolist() == ["Kari Nordmann"]
    assert "Trøndelag" in set(corpus.places["name"])


def test_half_utf8_half_cp1252_keeps_both_halves():
    raw = "Ordfører i Bodø sier ja.\n\n".encode() + "Fylkesordfører i Vågå og Bærum sier nei.".encode("cp1252")
    text = decode_bytes(raw).text
    assert "Ordfører i Bodø" in text and "Vågå og Bærum" in text


def test_a_legacy_file_is_still_read_as_legacy():
    raw = "Fylkesordfører i Vågå og Bærum sier nei til økt skatt.".encode("cp1252")
    decoded = decode_bytes(raw)
    assert decoded.text == raw.decode("cp1252") and decoded.encoding == "cp1252"


# -- 5. the cache checks itself ------------------------------------------------------------
@pytest.mark.parametrize("seed", range(4))
def test_bit_flips_in_the_cache_never_change_a_table(tmp_path, seed):
    data, root = folder_of(tmp_path, TWO), tmp_path / "cache"
    expected = kslib.load_corpus(data, cache=False)
    kslib.load_corpus(data, cache=root)
    rng = random.Random(seed)
    for _ in range(10):  # 40 flips in all, each on a fresh cache
        shutil.rmtree(root)
        kslib.load_corpus(data, cache=root)
        files = sorted((root / "kslib-cache").rglob("*.arrow"))
        victim = rng.choice(files)
        raw = bytearray(victim.read_bytes())
        bit = rng.randrange(len(raw) * 8)
        raw[bit // 8] ^= 1 << (bit % 8)
        victim.write_bytes(bytes(raw))
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            same_tables(kslib.load_corpus(data, cache=root), expected)


def test_a_damaged_part_is_dropped_warned_about_and_parsed_again(tmp_path):
    data, root = folder_of(tmp_path, TWO), tmp_path / "cache"
    kslib.load_corpus(data, cache=root)
    parts = [p for p in (root / "kslib-cache").rglob("terms.arrow") if not p.parent.name.startswith("corpus-")]
    for snapshot in (root / "kslib-cache").rglob("corpus-*"):  # else the intact snapshot is read
        shutil.rmtree(snapshot)
    victim = parts[0]
    victim.write_bytes(victim.read_bytes()[:-20] + b"\0" * 20)
    with pytest.warns(UserWarning, match="damaged"):
        again = kslib.load_corpus(data, cache=root)
    same_tables(again, kslib.load_corpus(data, cache=False))
    out = tmp_path / "out"
    for victim in (root / "kslib-cache").rglob("people.arrow"):  # the part and the snapshot's table
        victim.write_bytes(b"garbage")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        assert main(["extract", str(data), "--out", str(out), "--cache", str(root), "--quiet"]) == 0
    assert sorted(pd.read_parquet(out / "people.parquet")["name"]) == ["Kari Nordmann", "Ola Berg"]


# -- 6. positions never run into the next paragraph ------------------------------------------
def test_a_paragraph_over_100000_characters_keeps_its_speakers_apart(tmp_path):
    filler = "Dette er en lang sak om kommuneøkonomi og skole. " * 2100  # 105,000 characters
    text = ("Tittel om saken\n\n" + "Ordfører Kari Nordmann i Bodø og rådmann Ola Berg møttes. " + filler + "\n\n"
            "«Dette er en svært god dag for kommunene», sier Berg.")
    corpus = kslib.load_corpus(folder_of(tmp_path, {"lang.txt": text}), cache=False)
    quoted = corpus.people[corpus.people["quoted"]]
    assert quoted["name"].tolist() == ["Ola Berg"]


# -- 7. library versions key the cache ---------------------------------------------------------
def test_an_upgrade_of_a_library_that_shapes_the_tables_starts_a_fresh_cache(monkeypatch):
    before = config.rules_version()
    versions = dict(config.library_versions(), simplemma="999.0")
    config.rules_version.cache_clear()
    monkeypatch.setattr(config, "library_versions", lambda: versions)
    try:
        assert config.rules_version() != before
    finally:
        config.rules_version.cache_clear()
    assert {"stop-words", "simplemma", "lingua-language-detector", "charset-normalizer"} <= set(versions)


# -- 8. one size limit everywhere ---------------------------------------------------------------
def test_the_command_and_the_notebooks_reject_the_same_files(tmp_path, capsys):
    between = ARTICLE + "\n\n" + "ord " * ((5_100_000 - len(ARTICLE)) // 4)  # over 5,000,000 bytes, under 5 MiB
    data = folder_of(tmp_path, {"a.txt": ARTICLE, "stor.txt": between})
    corpus = kslib.load_corpus(data, cache=False)
    assert main(["extract", str(data), "--out", str(tmp_path / "o"), "--no-cache", "--quiet"]) == 0
    extracted = pd.read_parquet(tmp_path / "o" / "articles.parquet")
    assert sorted(extracted["file"]) == sorted(corpus.articles["file"]) == ["a.txt", "stor.txt"]


@pytest.mark.parametrize("value", ["nan", "-1", "inf", "fem"])
def test_a_bad_size_limit_is_one_sentence(tmp_path, capsys, value):
    with pytest.raises(SystemExit) as stop:
        main(["extract", str(tmp_path), "--max-size", value])
    assert stop.value.code == 2 and "MiB" in capsys.readouterr().err


# -- 9 and 13. every path accounted for, nothing opened that would hang ----------------------
def test_every_odd_path_gets_a_row_and_nothing_hangs(tmp_path, monkeypatch):
    data = folder_of(tmp_path, {"a.txt": ARTICLE, ".skjult.txt": ARTICLE, ".git/config.txt": "x",
                                "ekte/b.txt": ARTICLE.replace("Hamar", "Gjøvik")})
    os.mkfifo(data / "ror.txt")  # a FIFO: opening it would block for ever
    os.symlink("/dev/zero", data / "null.txt")  # a device: reading it never ends
    os.symlink(data / "ekte", data / "lenke")  # a linked folder: followed once
    os.symlink(data, data / "ekte" / "sløyfe")  # a loop back to the top
    os.symlink(data / "finnes-ikke.txt", data / "brutt.txt")
    bad_name = os.fsdecode(b"caf\xe9.txt")  # a file name that is not UTF-8
    (data / bad_name).write_text(ARTICLE.replace("Hamar", "Elverum"), encoding="utf-8")
    locked = data / "stengt"
    locked.mkdir()
    write(locked, "c.txt", ARTICLE)
    real_scandir = os.scandir

    def scandir(path):  # root may read any folder: a folder it cannot read is simulated
        if isinstance(path, (str, os.PathLike)) and os.fspath(path).endswith("stengt"):
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    corpus = kslib.load_corpus(data, cache=False)
    reasons = dict(zip(corpus.rejected["file"], corpus.rejected["reason"]))
    assert "FIFO" in reasons["ror.txt"] and "device" in reasons["null.txt"]
    assert "hidden file" in reasons[".skjult.txt"] and "hidden folder" in reasons[".git"]
    assert "cannot be read" in reasons["brutt.txt"]
    assert "Permission denied" in reasons["stengt"]
    assert "already searched" in reasons["ekte/sløyfe"]  # a loop back to the top
    assert "already searched" in reasons["lenke"]  # the real folder is searched, the link to it is not
    files = set(corpus.articles["file"])
    assert {"a.txt", "ekte/b.txt", "caf\\xe9.txt"} <= files
    assert corpus.n_files == len(corpus.articles) + len(corpus.rejected)
    assert main(["extract", str(data), "--out", str(tmp_path / "out"), "--no-cache", "--quiet"]) == 0


def test_a_path_too_long_to_open_gets_a_row(tmp_path, monkeypatch):
    data = folder_of(tmp_path, {"a.txt": ARTICLE})
    monkeypatch.chdir(data)
    depth = 0
    while len(os.fspath(data)) + depth * 201 < 4200:  # past PATH_MAX, built step by step
        os.mkdir("d" * 200)
        os.chdir("d" * 200)
        depth += 1
    Path("dypt.txt").write_text(ARTICLE)
    monkeypatch.chdir(tmp_path)
    corpus = kslib.load_corpus(data, cache=False)
    assert len(corpus.articles) == 1
    assert corpus.rejected["reason"].str.contains("too long").any()


def test_a_file_that_grows_past_the_limit_is_not_read_whole(tmp_path):
    from kslib.read.files import _read_files

    data = folder_of(tmp_path, {"a.txt": ARTICLE * 100})
    ok, rejected = _read_files(data, ["a.txt"], max_bytes=1000)
    assert not ok and "too large" in rejected[0][1]


# -- 10. metadata like any other input ---------------------------------------------------------
@pytest.mark.parametrize("encoding", ["cp1252", "utf-16", "utf-8-sig"])
def test_metadata_saved_by_excel_is_read(tmp_path, encoding):
    data = folder_of(tmp_path, TWO)
    meta = "file;date;title;region\na.txt;01.03.2022;Ærlig talt om økonomi;Innlandet\nb.txt;2023-05-02;Ål;\n"
    (data / "metadata.csv").write_bytes(meta.encode(encoding))
    a = kslib.load_corpus(data, cache=False).articles.set_index("file")
    assert a.loc["a.txt", "title"] == "Ærlig talt om økonomi" and a.loc["a.txt", "year"] == 2022
    assert a.loc["a.txt", "region"] == "Innlandet" and a.loc["b.txt", "title"] == "Ål"


def test_malformed_metadata_is_reported_never_shifted(tmp_path):
    data = folder_of(tmp_path, {**TWO, "c.txt": ARTICLE.replace("Hamar", "Elverum"),
                                "d.txt": ARTICLE.replace("Hamar", "Lom"), "e.txt": ARTICLE.replace("Hamar", "Vang")})
    write(data, "metadata.csv", "file,date,title,region\n"
                                "a.txt,2022-03-01,Tittel A,Innlandet,ekstra,felt\n"
                                "b.txt,1677-01-01,Tittel B,Narnia\n"
                                "c.txt,0001-01-01,Tittel C,\n"
                                "d.txt,1899-12-30,Tittel D,viken\n"
                                "e.txt,2021-02-03,=HYPERLINK(\"http://x\"),\n")
    with pytest.warns(UserWarning, match="metadata issue"):
        corpus = kslib.load_corpus(data, cache=False)
    a = corpus.articles.set_index("file")
    assert a.loc["a.txt", "title"] != "Tittel A" and pd.isna(a.loc["a.txt", "date"])  # the row was skipped
    assert pd.isna(a.loc["b.txt", "date"]) and a.loc["b.txt", "region_source"] != "metadata"
    assert pd.isna(a.loc["c.txt", "date"]) and pd.isna(a.loc["d.txt", "date"])
    assert a.loc["d.txt", "region"] == "Viken"  # a known county, in its own spelling
    issues = " | ".join(corpus.metadata_issues["issue"])
    assert "row 2 has 6 fields" in issues and "unknown region 'Narnia'" in issues
    assert issues.count("outside 1990") == 3  # 1677, 0001 and Excel's day 0 (1899-12-30)


def test_metadata_json_with_numbers_and_impossible_dates_loads(tmp_path):
    data = folder_of(tmp_path, TWO)
    write(data, "metadata.json", '[{"file": "a.txt", "title": 2024, "date": "0001-01-01"},'
                                 ' {"file": "b.txt", "title": null, "date": "2020-05-05"}]')
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        a = kslib.load_corpus(data, cache=False).articles.set_index("file")
    assert a.loc["a.txt", "title"] == "2024" and pd.isna(a.loc["a.txt", "date"]) and a.loc["b.txt", "year"] == 2020


def test_a_metadata_file_with_many_columns_is_read_in_linear_time(tmp_path):
    import time

    def timed(columns: int) -> float:
        data = folder_of(tmp_path / str(columns), TWO)
        header = "file," + ",".join(f"c{i}" for i in range(columns))
        write(data, "metadata.csv", header + "\n" + "a.txt," + ",".join("x" for _ in range(columns)) + "\n")
        from kslib.read.metadata import read_metadata

        start = time.perf_counter()
        read_metadata(data / "metadata.csv")
        return time.perf_counter() - start

    small, large = min(timed(200) for _ in range(3)), timed(20_000)
    assert large / small < 100 * 4, (small, large)


# -- 11. reruns equal cold runs; normalisation is idempotent -------------------------------------
def test_speakers_from_a_grown_cache_equal_a_cold_run(tmp_path):
    data, root = tmp_path / "data", tmp_path / "cache"
    write(data, "b.txt", "Sak\n\n- Ja, sier rådmann Kari Nordmann.")
    kslib.load_corpus(data, cache=root)
    write(data, "a.txt", "Sak to\n\n- Nei, sier ordfører Kari Nordmann.")
    warm = kslib.load_corpus(data, cache=root).speakers
    cold = kslib.load_corpus(data, cache=False).speakers
    pd.testing.assert_frame_equal(warm, cold)
    assert warm.loc[0, "roles"] == "ordfører; rådmann"


@pytest.mark.parametrize("text", ["e\u200b\u0301", "a\u00ad\u030a og Å", "A\u0308\u200d", "\ufeffÅ\u2060\u030a"])
def test_normalised_text_is_nfc_and_stays_as_it_is(text):
    import unicodedata

    once = normalise_text(text)
    assert unicodedata.is_normalized("NFC", once) and normalise_text(once) == once


# -- 12. crashes become one sentence ---------------------------------------------------------------
def test_a_folder_where_every_file_is_rejected_before_parsing_is_extracted(tmp_path, capsys):
    data = folder_of(tmp_path, {"a.txt": "x" * 2000})
    assert main(["extract", str(data), "--out", str(tmp_path / "o"), "--max-size", "0.001"]) == 0
    assert len(pd.read_parquet(tmp_path / "o" / "articles.parquet")) == 0
    assert len(pd.read_parquet(tmp_path / "o" / "rejected.parquet")) == 1


def test_a_cache_that_cannot_be_created_is_skipped_with_a_warning(tmp_path):
    blocker = write(tmp_path, "fil", "not a folder")
    data = folder_of(tmp_path, TWO)
    with pytest.warns(UserWarning, match="cannot be created"):
        corpus = kslib.load_corpus(data, cache=blocker / "cache")
    assert len(corpus.articles) == 2
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        assert main(["extract", str(data), "--out", str(tmp_path / "o"), "--cache", str(blocker / "c"),
                     "--quiet"]) == 0


def test_a_full_disk_leaves_no_temporary_part_and_no_broken_table(tmp_path, monkeypatch):
    data, root = folder_of(tmp_path, TWO), tmp_path / "cache"

    def full(table, path):
        Path(path).write_bytes(b"half")
        raise OSError(28, "No space left on device")

    from kslib._engine import cache_files

    monkeypatch.setattr(cache_mod, "_write", full)
    monkeypatch.setattr(cache_files, "_write", full)  # the parts' and snapshots' folders
    with pytest.warns(UserWarning, match="could not be written"):
        corpus = kslib.load_corpus(data, cache=root)
    assert len(corpus.articles) == 2
    assert not list((root / "kslib-cache").rglob(".tmp-*"))


def test_a_broken_gold_file_is_one_sentence(tmp_path, capsys):
    data = folder_of(tmp_path, TWO)
    for content in ("{not json", '{"file": 3}', "[1, 2]"):
        gold = write(tmp_path, "gold.json", content)
        assert main(["evaluate", str(data), str(gold), "--no-cache"]) == 2
        err = capsys.readouterr().err.strip()
        assert err.startswith("kslib:") and "gold" in err and len(err.splitlines()) == 1


def test_a_file_name_that_is_not_utf8_does_not_crash_the_command(tmp_path, capsys):
    data = folder_of(tmp_path, {"a.txt": ARTICLE})
    (data / os.fsdecode(b"\xe6rlig.txt")).write_text(ARTICLE.replace("Hamar", "Bodø"))
    assert main(["extract", str(data), "--out", str(tmp_path / "o"), "--no-cache", "--csv"]) == 0
    assert "\\xe6rlig.txt" in set(pd.read_parquet(tmp_path / "o" / "articles.parquet")["file"])


def test_an_unwritable_output_folder_is_one_sentence(tmp_path, capsys, monkeypatch):
    real_mkdir = Path.mkdir

    def denied(self, *args, **kwargs):  # root may write anywhere: a folder it may not is simulated
        if self.parent == tmp_path and (self.name == "o" or "kslib-staging" in self.name):
            raise PermissionError(13, "Permission denied", str(self))
        return real_mkdir(self, *args, **kwargs)

    data = folder_of(tmp_path, TWO)
    monkeypatch.setattr(Path, "mkdir", denied)
    assert main(["extract", str(data), "--out", str(tmp_path / "o"), "--no-cache"]) == 2
    err = capsys.readouterr().err.strip()
    assert "Permission denied" in err and len(err.splitlines()) == 1


# -- 14. linear time on any input ---------------------------------------------------------------------
HOSTILE = {
    "dashes": lambda n: "Tittel\n\nEn linje.\n" + "-" * n,
    "dashes with a tag": lambda n: "Tittel\n\nSe #kommune og post@ks.no.\n" + "-" * n,
    "prose without newlines": lambda n: "Ordfører Kari Nordmann sier at dette er bra for kommunen. " * (n // 58),
    "repeated quotes": lambda n: "«Dette er bra», sier Kari Nordmann. " * (n // 36),
    "dates": lambda n: "1. mars 2020 og 2. april 2021, mandag 3. mai. " * (n // 46),
    "initials": lambda n: "Tittel\n\n" + "1. 2. 3. " * (n // 9),
    "nested guillemets": lambda n: "Tittel\n\n" + "«" * (n // 2) + "»" * (n // 2),
    "names": lambda n: "Tittel\n\n" + "Kari Nordmann Ola Hansen " * (n // 25),
    "names and roles": lambda n: "Tittel\n\n" + "Kari Nordmann, ordfører, " * (n // 25),
    "unknown names with a title after a dash": lambda n: "Tittel\n\n" + "Xylo Brekke – rådgiver, " * (n // 24),
    "places": lambda n: "Tittel\n\n" + "i Bodø og Ås, NHO Innlandet og Rauma Energi " * (n // 44),
    "enumerated places": lambda n: "Tittel\n\n" + "Bergen, Moss, Lier, Vik og Ås, " * (n // 31),
    "bullet lists of places": lambda n: "Tittel\n\n" + " • Bergen\n • Moss\n" * (n // 19),
    "surname-only speakers": lambda n: "Tittel\n\n" + "".join(
        f"- Det haster, sier Ab{''.join(chr(97 + int(d)) for d in str(i))}. Han svarte. " for i in range(n // 40)),
    "one speaker's dash quotes": lambda n: "Tittel\n\n" + "- Dette er et godt sitat her, sier Kari Nordmann.\n\n" * (n // 50),
    "dash quote paragraphs": lambda n: "Tittel\n\n" + "- Dette er et godt sitat, sier hun.\n\n" * (n // 37),
    "double quotes": lambda n: 'Tittel\n\n"' + 'Ord " ' * (n // 6),
    "unattributed dash paragraphs": lambda n: "Tittel\n\nVi merker oss følgende:\n\n" + "- Et punkt uten navn.\n\n" * (n // 23),
    "html divs": lambda n: "<html><body>" + "<div>" * (n // 10) + "tekst" + "</div>" * (n // 10) + "</body></html>",
}


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_parsing_time_grows_linearly(name):
    """10 KB and 1 MB of each pattern that used to be quadratic or worse: the ratio of the
    times stays near 100 (a ratio, never an absolute time; quadratic would be 10,000)."""
    import time

    from kslib.extract.document import parse_many, warm_up

    warm_up()

    def timed(n: int) -> float:
        raw = HOSTILE[name](n).encode()
        start = time.perf_counter()
        parse_many([("d", raw)])
        return time.perf_counter() - start

    small = min(timed(10_000) for _ in range(5))
    large = timed(1_000_000)
    assert large / small < 100 * 4, f"{name}: 10 KB {small:.4f} s, 1 MB {large:.3f} s"


# -- 16. spreadsheet cells that would run ------------------------------------------------------------
def test_csv_cells_that_a_spreadsheet_would_run_are_neutralised(tmp_path):
    from kslib._engine.writer import neutralise_cell

    for cell in ("=HYPERLINK(\"http://x\",\"klikk\")", "+cmd|' /C calc'!A0", "@SUM(1+1)", "\tx", "\rx", "-2+3",
                 "-cmd|x"):
        assert neutralise_cell(cell) == "'" + cell
    for cell in ("- Vi må satse på skolen, sier hun.", "– Ja", "Kari", "", "2024", "-"):
        assert neutralise_cell(cell) == cell
    data = folder_of(tmp_path, {"=HYPERLINK(1).txt": "=HYPERLINK(\"http://x\")\n\n- Vi må satse, sier Kari Nordmann."})
    assert main(["extract", str(data), "--out", str(tmp_path / "o"), "--csv", "--no-cache", "--quiet"]) == 0
    articles = (tmp_path / "o" / "articles.csv").read_text(encoding="utf-8")
    assert "'=HYPERLINK" in articles and ",=HYPERLINK" not in articles
    assert "- Vi må satse" in (tmp_path / "o" / "paragraphs.csv").read_text(encoding="utf-8")


def test_the_html_report_loads_nothing_from_outside(tmp_path):
    import re

    import nbformat

    from kslib.report.html import write_html

    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_markdown_cell("# Oversikt\n\n$x$ og en tabell")]
    nbformat.write(nb, tmp_path / "01-a.ipynb")
    html = write_html([tmp_path / "01-a.ipynb"], tmp_path / "report.html", title="t").read_text()
    assert not re.search(r"<(script|link|img)\b[^>]*(src|href)=[\"'](https?:|//)", html, re.I)
    assert not re.search(r"<script\b[^>]*\bsrc=[\"']{2}", html)


def test_the_html_report_scripts_would_not_fetch_at_load():
    from kslib.report.html import offline_html

    page = ('<script src="https://cdn.example/require.js"></script><script src=""></script>'
            '<link rel="stylesheet" href="//fonts.example/x.css"><p>tekst</p>')
    assert offline_html(page) == "<p>tekst</p>"


# -- the whole pipeline: cold, warm and no cache agree, and every path is accounted for ---------------
def test_random_folders_give_the_same_tables_cold_warm_and_without_cache(tmp_path):
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    texts = st.sampled_from([
        ARTICLE, ARTICLE.replace("Hamar", "Gjøvik"), "", "   ", "Foto: KS\n", "«Ja», sier Ola Berg i Bodø.",
        "Tittel\n\n- Nei, sier ordfører Kari Nordmann (Ap).\n\n" + "-" * 300,
    ])
    encodings = st.sampled_from(["utf-8", "cp1252", "utf-16", "bad byte"])
    names = st.sampled_from(["a.txt", "b.txt", "sub/c.txt", ".skjult.txt", "d.md", "sub/dyp/e.txt", "f.TXT"])
    counter = iter(range(10**6))

    @settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
    @given(st.lists(st.tuples(names, texts, encodings), min_size=1, max_size=6))
    def check(files):
        base = tmp_path / f"case{next(counter)}"
        data, root = base / "data", base / "cache"
        for name, text, enc in files:
            raw = text.encode("utf-8") + b"\xff" if enc == "bad byte" else text.encode(enc)
            write(data, name, raw)
        found = [p for p in data.rglob("*") if p.is_file() and p.suffix.lower() == ".txt"]
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            try:
                none = kslib.load_corpus(data, cache=False)
            except kslib.CorpusError:
                return
            cold = kslib.load_corpus(data, cache=root)
            warm = kslib.load_corpus(data, cache=root)
        same_tables(cold, none)
        same_tables(warm, none)
        accounted = set(none.articles["file"]) | set(none.rejected["file"])
        assert {p.relative_to(data).as_posix() for p in found} <= accounted

    check()
