"""The parallel, incremental and Dask paths give the same frames as the plain path."""

from collections import Counter

import pandas as pd
import pytest

from kslib._engine.writer import read_tables
from kslib.cli import main
from kslib.corpus import load_corpus

from ..conftest import ARTICLE, write

TABLES = ("articles", "paragraphs", "sentences", "quotes", "people", "places", "terms", "themes")


def make_folder(folder, n=30):
    texts = [
        "- Vi må satse på skolen i {p}, sier ordfører Kari Nordmann.\n\nKommunen får {i} millioner til skole.",
        "Tariffoppgjøret {i}\n\nKS og partene i {p} forhandler om lønn. «Dette blir krevende i år», sier Lars Berg.",
        "Kommunane i {p} får meir pengar til eldreomsorg, seier fylkesordførar Ola Vik. Dette er sak {i}.",
    ]
    places = ["Bodø", "Hamar", "Bergen", "Tromsø", "Skien"]
    for i in range(n):
        write(folder, f"{i:03d}.txt", texts[i % 3].format(p=places[i % 5], i=i))


def same(a, b):
    for name in TABLES:
        x, y = getattr(a, name), getattr(b, name)
        assert x.reset_index(drop=True).equals(y.reset_index(drop=True)), name


def test_incremental_equals_cold(tmp_path):
    data, cache = tmp_path / "data", tmp_path / "cache"
    make_folder(data)
    load_corpus(data, cache=cache)
    write(data, "zzz.txt", "En ny sak om beredskap i Alta, sier rådmann Per Olsen.")
    warm = load_corpus(data, cache=cache)
    cold = load_corpus(data, cache=False)
    same(warm, cold)


def test_parallel_equals_plain(tmp_path):
    make_folder(tmp_path, 150)
    same(load_corpus(tmp_path, cache=False, jobs=2), load_corpus(tmp_path, cache=False, jobs=1))


@pytest.mark.slow
def test_dask_local_cluster_equals_single_process(tmp_path):
    pytest.importorskip("dask.distributed")
    data = tmp_path / "data"
    make_folder(data, 12)
    assert main(["extract", str(data), "--out", str(tmp_path / "plain"), "--no-cache", "--quiet"]) == 0
    assert main(["extract", str(data), "--out", str(tmp_path / "dask"), "--no-cache", "--quiet",
                 "--engine", "dask", "--jobs", "2"]) == 0
    assert (tmp_path / "dask" / "terms.parquet").is_dir()  # partitioned
    plain, dask = read_tables(tmp_path / "plain"), read_tables(tmp_path / "dask")
    assert set(plain) == set(dask)
    for name in plain:
        pd.testing.assert_frame_equal(plain[name].reset_index(drop=True), dask[name].reset_index(drop=True),
                                      check_dtype=False, check_categorical=False)


def test_streamed_extract_rerun_equals_cold_and_load_corpus(tmp_path):
    data, cache = tmp_path / "data", tmp_path / "cache"
    make_folder(data, 20)
    assert main(["extract", str(data), "--out", str(tmp_path / "a"), "--cache", str(cache), "--quiet"]) == 0
    write(data, "zzz.txt", "En ny sak om beredskap i Alta, sier rådmann Per Olsen.")
    (data / "000.txt").unlink()
    assert main(["extract", str(data), "--out", str(tmp_path / "warm"), "--cache", str(cache), "--quiet"]) == 0
    assert main(["extract", str(data), "--out", str(tmp_path / "cold"), "--no-cache", "--quiet"]) == 0
    warm, cold = read_tables(tmp_path / "warm"), read_tables(tmp_path / "cold")
    corpus = load_corpus(data, cache=False).tables()
    for name in TABLES + ("speakers", "rejected"):
        key = [c for c in ("article_id", "para_id", "sent_id", "token_id", "quote_id", "person_id", "theme",
                           "mention", "name") if c in cold[name].columns]
        a = warm[name].sort_values(key).reset_index(drop=True) if key else warm[name]
        b = cold[name].sort_values(key).reset_index(drop=True) if key else cold[name]
        c = corpus[name].sort_values(key).reset_index(drop=True) if key else corpus[name]
        pd.testing.assert_frame_equal(a, b, check_dtype=False, check_categorical=False)
        pd.testing.assert_frame_equal(b, c, check_dtype=False, check_categorical=False)
    assert "000.txt" not in set(warm["articles"]["file"]) and "zzz.txt" in set(warm["articles"]["file"])


def test_extract_parses_while_reading_and_equals_one_process(tmp_path, monkeypatch):
    """`kslib extract` starts its workers once enough files wait, and hands them chunks while
    it still reads the folder; the tables are those of a single process."""
    from kslib._engine import pool
    from kslib._engine import stream as build

    make_folder(tmp_path / "data", 40)
    build.extract_folder(tmp_path / "data", tmp_path / "one", cache=False, jobs=1, progress=False)
    started = []
    monkeypatch.setattr(pool, "POOL_MIN_DOCS", 5)
    monkeypatch.setattr(pool, "CHUNK_DOCS", 4)
    monkeypatch.setattr(pool, "PART_DOCS", 12)
    real_start = pool._Parser._start_pool
    monkeypatch.setattr(pool._Parser, "_start_pool", lambda self: (started.append(self.n), real_start(self)))
    build.extract_folder(tmp_path / "data", tmp_path / "two", cache=False, jobs=2, progress=False)
    assert started == [6]  # while reading: 6 of the 40 files read
    one, two = read_tables(tmp_path / "one"), read_tables(tmp_path / "two")
    for name in one:
        pd.testing.assert_frame_equal(one[name].reset_index(drop=True), two[name].reset_index(drop=True),
                                      check_categorical=False)


def test_parts_written_early_are_rewritten_when_their_ids_change(tmp_path, monkeypatch):
    """`kslib extract` writes each part's tables as soon as it is parsed, with text ids as
    article ids; files that share a text get other ids (`-2`), so their parts are written
    again at the end, and only theirs. The tables are those of `load_corpus`."""
    from kslib._engine import pool
    from kslib._engine import stream as build

    data = tmp_path / "data"
    make_folder(data, 12)
    (data / "zz-copy.txt").write_bytes((data / "001.txt").read_bytes())  # the same document twice
    (data / "zz-crlf.txt").write_bytes((data / "000.txt").read_bytes().replace(b"\n", b"\r\n"))  # same text
    monkeypatch.setattr(pool, "CHUNK_DOCS", 2)
    monkeypatch.setattr(pool, "PART_DOCS", 4)
    writes = Counter()
    real_write = build._write_part
    monkeypatch.setattr(build, "_write_part", lambda table, target: (writes.update([target.stem]),
                                                                      real_write(table, target)))
    build.extract_folder(data, tmp_path / "out", cache=tmp_path / "cache", jobs=1, progress=False)
    late = [part for part, n in writes.items() if n > len(build.STREAMED)]
    assert len(writes) == 4 and len(late) == 2  # the parts of 001 (two files) and of the CRLF text
    out, corpus = read_tables(tmp_path / "out"), load_corpus(data, cache=False).tables()
    assert out["articles"]["article_id"].str.endswith("-2").sum() == 2
    for name in TABLES:
        key = [c for c in ("article_id", "para_id", "sent_id", "token_id", "quote_id", "person_id", "theme",
                           "mention", "name") if c in out[name].columns]
        pd.testing.assert_frame_equal(out[name].sort_values(key).reset_index(drop=True),
                                      corpus[name].sort_values(key).reset_index(drop=True),
                                      check_dtype=False, check_categorical=False)


def _fail_on_007(items):
    from kslib.extract.document import parse_many

    if any(raw.startswith("Tariffoppgjøret 7\n".encode()) for _, raw in items):  # file 007
        raise ValueError("a parser bug")
    return parse_many(items)


def test_a_failing_parse_stops_the_workers_and_raises(tmp_path, monkeypatch):
    import multiprocessing

    from kslib._engine import pool
    from kslib._engine import stream as build

    make_folder(tmp_path / "data", 40)
    monkeypatch.setattr(pool, "POOL_MIN_DOCS", 5)
    monkeypatch.setattr(pool, "CHUNK_DOCS", 4)
    monkeypatch.setattr(pool, "parse_many", _fail_on_007)
    with pytest.raises(ValueError, match="a parser bug"):
        build.extract_folder(tmp_path / "data", tmp_path / "out", cache=False, jobs=2, progress=False)
    assert multiprocessing.active_children() == []


def test_tables_left_in_the_spool_are_the_parsed_tables(tmp_path):
    from kslib._engine.pool import _parse_to_spool, _read_spooled
    from kslib.extract.document import parse_many

    items = [("d1", ARTICLE.encode()), ("d2", ARTICLE.replace("Hamar", "Gjøvik").encode())]
    result = _parse_to_spool(items, str(tmp_path))
    assert not isinstance(result, dict) and list(tmp_path.iterdir())  # one file, mapped by the parent
    tables = _read_spooled(result)
    assert not list(tmp_path.iterdir())  # deleted once mapped
    expected = parse_many(items)
    assert set(tables) == set(expected)
    for name, table in expected.items():
        assert tables[name].equals(table), name


def test_a_spool_that_cannot_be_written_returns_the_tables(tmp_path):
    from kslib._engine.pool import _parse_to_spool, _read_spooled

    items = [("d1", ARTICLE.encode())]
    result = _parse_to_spool(items, str(tmp_path / "missing"))
    assert isinstance(result, dict) and _read_spooled(result)["docs"].num_rows == 1
