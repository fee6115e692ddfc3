"""The loader: every file accounted for, nothing lost, no crash, a cache that is never stale."""

import codecs
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import kslib
import kslib._engine.pool
import kslib.extract.duplicates
import kslib.read.files
from kslib._engine import cache as cache_mod
from kslib._engine.assemble import CorpusError
from kslib.corpus import load_corpus

from .conftest import ARTICLE, write

BODY = ("Kommunestyret i Bodø vedtok budsjettet for neste år etter en lang debatt om skole og eldreomsorg.\n\n"
        "- Vi har prioritert de yngste og de eldste, sier ordfører Ida Pinnerød.\n\n"
        "Opposisjonen var ikke enig i prioriteringene og stemte mot forslaget i møtet.")


def test_default_corpus_is_the_seeds():
    corpus = kslib.load_corpus(cache=False)
    assert len(corpus.articles) == 5 and corpus.rejected.empty
    assert set(corpus.articles["language"]) == {"nb"}


def test_articles_columns_and_dtypes(seeds):
    a = seeds.articles
    assert list(a.columns[:8]) == ["article_id", "file", "title", "text", "language", "n_paragraphs",
                                   "n_words", "duplicate_of"]
    assert str(a["article_id"].dtype) == "string" and str(a["n_words"].dtype) == "int32"
    assert a["article_id"].is_unique
    assert (a["n_paragraphs"] == seeds.paragraphs.groupby("article_id").size().reindex(a["article_id"]).values).all()
    # ids join across frames
    assert set(seeds.paragraphs["article_id"]) == set(a["article_id"])
    assert set(seeds.sentences["article_id"]) <= set(a["article_id"])


def test_every_bad_file_is_accounted_for(tmp_path):
    write(tmp_path, "god.txt", ARTICLE)
    write(tmp_path, "bom.txt", codecs.BOM_UTF8 + BODY.encode())
    write(tmp_path, "utf16.txt", BODY.replace("Bodø", "Bærum").encode("utf-16"))
    write(tmp_path, "gammel.txt", BODY.replace("Bodø", "Vågå").encode("cp1252"))
    write(tmp_path, "crlf.txt", BODY.replace("Bodø", "Ålesund").replace("\n", "\r\n").encode())
    write(tmp_path, "html.txt", f"<html><body><p>{BODY.replace('Bodø', 'Hå')}</p></body></html>")
    write(tmp_path, "tom.txt", b"")
    write(tmp_path, "blank.txt", "   \n\n  \t ")
    write(tmp_path, "bilde.txt", bytes(range(256)) * 10)
    write(tmp_path, "kreditt.txt", "Foto: KS\n")
    write(tmp_path, "stor.txt", "ord " * 300_000)
    write(tmp_path, "undermappe/nested.txt", BODY.replace("Bodø", "Molde"))
    write(tmp_path, ".skjult.txt", BODY)
    write(tmp_path, "notat.md", BODY)
    write(tmp_path, "høringssvar.docx", b"PK\x03\x04 word/ not a real Word file")
    write(tmp_path, "undermappe/rapport.pdf", b"%PDF-1.4 a broken report")
    write(tmp_path, "tall.xlsx", b"PK\x03\x04xl/")
    write(tmp_path, "LESMEG", "a file without a type")
    write(tmp_path, "metadata.csv", "file,title\ngod.txt,Tittel\n")  # read as metadata, not an article
    with pytest.warns(UserWarning, match="rejected"):
        corpus = load_corpus(tmp_path, cache=False, max_bytes=1_000_000)
    reasons = dict(zip(corpus.rejected["file"], corpus.rejected["reason"]))
    assert set(reasons) == {"tom.txt", "blank.txt", "bilde.txt", "kreditt.txt", "stor.txt", ".skjult.txt",
                            "høringssvar.docx", "undermappe/rapport.pdf", "tall.xlsx", "LESMEG"}
    assert "empty" in reasons["tom.txt"] and "binary" in reasons["bilde.txt"]
    assert "too large" in reasons["stor.txt"] and "no article content" in reasons["kreditt.txt"]
    assert "hidden" in reasons[".skjult.txt"]
    assert reasons["høringssvar.docx"].startswith("Word file that cannot be read")
    assert reasons["undermappe/rapport.pdf"].startswith("PDF that cannot be read")
    assert reasons["tall.xlsx"].startswith("file type .xlsx is not read") and "without a type" in reasons["LESMEG"]
    assert "Bodø" in dict(zip(corpus.articles["file"], corpus.articles["text"]))["notat.md"]  # .md is read
    assert len(corpus.articles) + len(corpus.rejected) == corpus.n_files == 18
    texts = dict(zip(corpus.articles["file"], corpus.articles["text"]))
    assert "Bærum" in texts["utf16.txt"] and "Vågå" in texts["gammel.txt"]
    assert "\r" not in texts["crlf.txt"] and "<p>" not in texts["html.txt"]
    assert "undermappe/nested.txt" in texts


def test_missing_or_empty_folder_raises_clear_error(tmp_path):
    with pytest.raises(CorpusError, match="not found"):
        load_corpus(tmp_path / "finnes-ikke")
    with pytest.raises(CorpusError, match="No article files"):
        load_corpus(tmp_path)


def test_article_id_survives_renaming(tmp_path):
    write(tmp_path, "a.txt", BODY)
    first = load_corpus(tmp_path, cache=False).articles["article_id"][0]
    (tmp_path / "a.txt").rename(tmp_path / "nytt-navn.txt")
    assert load_corpus(tmp_path, cache=False).articles["article_id"][0] == first


def test_exact_and_near_duplicates(tmp_path):
    write(tmp_path, "a.txt", BODY)
    write(tmp_path, "b.txt", BODY.replace("\n", "\r\n"))  # same text after normalising
    near = BODY + "\n\nEn ny setning er lagt til nederst i saken."
    write(tmp_path, "c.txt", near.replace("Opposisjonen", "opposisjonen"))
    write(tmp_path, "d.txt", ARTICLE)
    corpus = load_corpus(tmp_path, cache=False)
    a = corpus.articles.set_index("file")
    assert a.loc["b.txt", "duplicate_of"] == a.loc["a.txt", "article_id"]
    assert a.loc["c.txt", "duplicate_of"] == a.loc["a.txt", "article_id"]
    assert a["article_id"].is_unique
    assert a["duplicate_of"].isna()[["a.txt", "d.txt"]].all()
    assert len(corpus.drop_duplicates().articles) == 2


def test_cache_reuses_parses_and_drops_deleted_files(tmp_path, monkeypatch):
    data, cache_dir = tmp_path / "data", tmp_path / "cache"
    write(data, "a.txt", BODY)
    write(data, "b.txt", ARTICLE)
    first = load_corpus(data, cache=cache_dir)
    parsed = []
    real = kslib._engine.pool.parse_many
    monkeypatch.setattr(kslib._engine.pool, "parse_many", lambda items: parsed.extend(d for d, _ in items) or real(items))
    write(data, "c.txt", BODY.replace("Bodø", "Tromsø"))
    second = load_corpus(data, cache=cache_dir)
    assert len(parsed) == 1  # only the new file was parsed
    assert len(second.articles) == 3
    cols = ["article_id", "para_id", "kind", "text"]
    same = second.paragraphs[second.paragraphs["article_id"].isin(first.articles["article_id"])][cols]
    assert same.reset_index(drop=True).equals(first.paragraphs[cols])
    (data / "a.txt").unlink()
    third = load_corpus(data, cache=cache_dir)
    assert sorted(third.articles["file"]) == ["b.txt", "c.txt"]
    assert set(third.paragraphs["article_id"]) == set(third.articles["article_id"])


def test_cache_is_never_stale_after_an_edit_or_rules_change(tmp_path, monkeypatch):
    data, cache_dir = tmp_path / "data", tmp_path / "cache"
    write(data, "a.txt", BODY)
    load_corpus(data, cache=cache_dir)
    write(data, "a.txt", BODY.replace("Bodø", "Narvik"))
    assert "Narvik" in load_corpus(data, cache=cache_dir).articles["text"][0]
    # a new rules version re-parses everything
    monkeypatch.setattr(cache_mod, "rules_version", lambda: "ffffffffffff")
    parsed = []
    real = kslib._engine.pool.parse_many
    monkeypatch.setattr(kslib._engine.pool, "parse_many", lambda items: parsed.extend(items) or real(items))
    load_corpus(data, cache=cache_dir)
    assert len(parsed) == 1


def test_cache_compaction_keeps_results(tmp_path, monkeypatch):
    monkeypatch.setattr(cache_mod, "MAX_PARTS", 2)
    data, cache_dir = tmp_path / "data", tmp_path / "cache"
    for i in range(4):
        write(data, f"{i}.txt", BODY.replace("Bodø", ["Bodø", "Narvik", "Harstad", "Alta"][i]))
        load_corpus(data, cache=cache_dir)
    corpus = load_corpus(data, cache=cache_dir)
    assert len(corpus.articles) == 4 and len(cache_mod.ParseCache(cache_dir)._parts()) <= 2


def test_parallel_parse_gives_the_same_frames(tmp_path):
    for i in range(140):
        write(tmp_path, f"{i:03d}.txt", BODY.replace("Bodø", f"Bodø {i}"))
    one = load_corpus(tmp_path, cache=False, jobs=1)
    two = load_corpus(tmp_path, cache=False, jobs=2)
    for name in ("articles", "paragraphs", "sentences", "quotes", "people"):
        assert getattr(one, name).equals(getattr(two, name)), name


def test_summary_reads_at_a_glance(seeds):
    text = seeds.summary()
    assert "articles" in text and "5" in text and "paragraph kinds" in text


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.binary(max_size=600) | st.text(max_size=600).map(lambda t: t.encode("utf-8", "surrogatepass")))
def test_no_bytes_make_the_loader_raise(tmp_path, raw):
    folder = tmp_path / "h"
    folder.mkdir(exist_ok=True)
    (folder / "x.txt").write_bytes(raw)
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        corpus = load_corpus(folder, cache=False)
    assert len(corpus.articles) + len(corpus.rejected) == 1


def _files_look_old(monkeypatch):
    """Let the file index record files just written (it skips files changed in the last seconds)."""
    import time
    import types

    later = types.SimpleNamespace(time_ns=lambda: time.time_ns() + 10**10)
    monkeypatch.setattr(kslib.read.files, "time", later)


def test_rerun_reads_only_new_and_changed_files(tmp_path, monkeypatch):
    data, cache_dir = tmp_path / "data", tmp_path / "cache"
    write(data, "a.txt", BODY)
    write(data, "b.txt", ARTICLE)
    _files_look_old(monkeypatch)
    load_corpus(data, cache=cache_dir)
    reads = []
    real = kslib.read.files._read_bytes
    monkeypatch.setattr(kslib.read.files, "_read_bytes", lambda path, size, limit: reads.append(Path(path).name) or real(path, size, limit))
    write(data, "b.txt", ARTICLE.replace("Hamar", "Narvik"))
    write(data, "c.txt", BODY.replace("Bodø", "Tromsø"))
    corpus = load_corpus(data, cache=cache_dir)
    assert sorted(reads) == ["b.txt", "c.txt"]
    assert corpus.articles.set_index("file").loc["b.txt", "text"].count("Narvik") == 1
    assert len(corpus.articles) == 3


def test_an_edit_that_keeps_size_and_modification_time_is_seen(tmp_path, monkeypatch):
    import os

    data, cache_dir = tmp_path / "data", tmp_path / "cache"
    path = write(data, "a.txt", BODY)
    _files_look_old(monkeypatch)
    load_corpus(data, cache=cache_dir)
    before = path.stat()
    write(data, "a.txt", BODY.replace("Bodø", "Bodå"))  # the same number of bytes
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))  # as `cp -p` or `rsync -t` leave it
    assert "Bodå" in load_corpus(data, cache=cache_dir).articles["text"][0]


def _near_duplicates_by_definition(article_ids, keys):
    """Every earlier article compared with every later one (the one it shares most with, ties
    to the earliest): what `_near_duplicates` does faster."""
    from collections import Counter

    from kslib.extract.duplicates import NEAR_DUPLICATE_MAX_SHARED, NEAR_DUPLICATE_SHARE

    seen = Counter(k for ks in keys for k in ks)
    sets = {a: {k for k in ks if seen[k] <= NEAR_DUPLICATE_MAX_SHARED} for a, ks in zip(article_ids, keys)}
    found = {}
    for i, aid in enumerate(article_ids):
        mine = sets[aid]
        counts = {}
        for other in article_ids[:i]:  # in article order: on a tie the earliest stays best
            shared = len(mine & sets[other])
            if shared:
                counts[other] = shared
        best = None
        for other, shared in counts.items():
            smaller = min(len(mine), len(sets[other]))
            if smaller >= 2 and shared / smaller >= NEAR_DUPLICATE_SHARE:
                best = other if best is None or shared > counts[best] else best
        if best is not None:
            found[aid] = found.get(best, best)
    return found


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(st.integers(0, 40), max_size=10), max_size=60))
def test_near_duplicate_scan_is_its_definition(keys):
    ids = [f"a{i}" for i in range(len(keys))]
    keys = [sorted(set(ks)) for ks in keys]
    assert kslib.extract.duplicates._near_duplicates(ids, keys) == _near_duplicates_by_definition(ids, keys)


def test_an_article_repeating_two_others_equally_repeats_the_earlier():
    keys = [[1, 2, 3, 4, 5], [6, 7, 8, 9, 10], list(range(1, 11)), [1, 2, 3, 4, 5, 99]]
    found = kslib.extract.duplicates._near_duplicates(["a", "b", "c", "d"], keys)
    assert found == {"c": "a", "d": "a"}  # d shares 5 with a and 5 with c: the earlier, a


@pytest.mark.parametrize("size", [0, 1, 5000, 70_000])
def test_a_file_is_read_whole_even_when_it_grew_after_its_size_was_read(tmp_path, size):
    from kslib.read.files import _read_bytes

    data = bytes(range(256)) * (size // 256 + 1)
    path = tmp_path / "a.txt"
    path.write_bytes(data[:size])
    assert _read_bytes(str(path), size, 10**6) == data[:size]
    if size:
        assert _read_bytes(str(path), size // 2, 10**6) == data[:size]  # more than the size said
        # ... but never past the limit: a file that grew beyond it is not read whole
        assert _read_bytes(str(path), size // 2, size - 1) is None
