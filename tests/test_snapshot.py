"""The cache's snapshot of an assembled corpus: the next load of an unchanged folder (each
notebook of a report) reads it instead of assembling the corpus from the parts again, and
reads a table only when it is used. It must give exactly the frames of the plain load."""

from __future__ import annotations

import shutil
import warnings

import pandas as pd
import pytest

import kslib
from kslib import config, corpus as corpus_mod
from kslib._engine import cache as cache_mod
from tests.conftest import ARTICLE, write

OTHER = ("Skolen i Bodø får nye lokaler\n\n"
         "«Vi gleder oss til å flytte inn», sier rektor Ola Berg.\n\n"
         "Kommunestyret vedtok planen i 2021.\n")


def folder(tmp_path):
    """A folder with what the assembly does: a duplicate, a rejected file, a metadata file."""
    data = tmp_path / "data"
    write(data, "a.txt", ARTICLE)
    write(data, "b.txt", OTHER)
    write(data, "kopi.txt", ARTICLE)  # an exact duplicate
    write(data, "tom.txt", "")  # rejected: empty
    write(data, "bilde.png", b"\x89PNG")  # rejected: not an article
    write(data, "metadata.csv", "file,date,author\na.txt,2021-03-04,Kari\n")
    for seed in sorted(config.SEEDS_DIR.glob("*.txt"))[:3]:
        shutil.copy(seed, data / seed.name)
    return data


def snapshots(cache_dir):
    return sorted(cache_dir.glob("kslib-cache/rules-*/corpus-*"))


def load(data, cache_dir, **kw):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return kslib.load_corpus(data, cache=cache_dir, **kw)


def test_the_snapshot_gives_exactly_the_frames_of_the_plain_load(tmp_path):
    data, cache_dir = folder(tmp_path), tmp_path / "cache"
    plain = load(data, cache_dir, _snapshot=False)
    assert len(snapshots(cache_dir)) == 1
    again = load(data, cache_dir)
    assert type(again.__dict__["terms"]).__name__ == "Deferred"  # not read yet
    for name, table in plain.tables().items():
        pd.testing.assert_frame_equal(getattr(again, name), table, check_exact=True, obj=name)
    assert again.n_files == plain.n_files and again.root == plain.root and again.n_parsed == 0
    assert len(again.rejected) == 2 and again.articles["duplicate_of"].notna().sum() == 1


def test_an_unchanged_folder_is_not_assembled_again(tmp_path, monkeypatch):
    data, cache_dir = folder(tmp_path), tmp_path / "cache"
    first = load(data, cache_dir)
    monkeypatch.setattr(corpus_mod, "_keyed", lambda *a, **k: pytest.fail("assembled again"))
    second = load(data, cache_dir)
    assert second.quotes["text"].tolist() == first.quotes["text"].tolist()


def test_a_changed_file_makes_a_new_snapshot_and_the_old_one_goes(tmp_path):
    data, cache_dir = folder(tmp_path), tmp_path / "cache"
    load(data, cache_dir)
    old = snapshots(cache_dir)
    write(data, "b.txt", OTHER.replace("Bodø", "Narvik"))
    changed = load(data, cache_dir)
    assert "Narvik" in set(changed.places["name"]) and "Bodø" not in set(changed.places["name"])
    assert len(snapshots(cache_dir)) == 1 and snapshots(cache_dir) != old
    (data / "a.txt").unlink()  # a file removed
    assert "a.txt" not in set(load(data, cache_dir).articles["file"])


def test_the_metadata_file_is_read_on_every_load(tmp_path):
    data, cache_dir = folder(tmp_path), tmp_path / "cache"
    load(data, cache_dir)
    write(data, "metadata.csv", "file,date,author\na.txt,2019-05-06,Per\n")
    row = load(data, cache_dir).articles.set_index("file").loc["a.txt"]
    assert row["author"] == "Per" and row["date"].year == 2019


def test_the_rejected_files_are_warned_about_on_a_snapshot_load_too(tmp_path):
    data, cache_dir = folder(tmp_path), tmp_path / "cache"
    load(data, cache_dir)
    with pytest.warns(UserWarning, match="rejected tom.txt"):
        kslib.load_corpus(data, cache=cache_dir)


def test_a_damaged_snapshot_table_is_warned_about_and_assembled_again(tmp_path):
    data, cache_dir = folder(tmp_path), tmp_path / "cache"
    plain = load(data, cache_dir)
    (terms,) = snapshots(cache_dir)[0].glob("terms.arrow")
    raw = bytearray(terms.read_bytes())
    raw[len(raw) // 2] ^= 0xFF
    terms.write_bytes(bytes(raw))
    damaged = load(data, cache_dir)
    with pytest.warns(UserWarning, match="damaged cache file"):
        got = damaged.terms
    pd.testing.assert_frame_equal(got, plain.terms)
    assert len(snapshots(cache_dir)) == 1  # the damaged one moved away, a sound one written
    with warnings.catch_warnings():
        warnings.filterwarnings("error", message=".*damaged")
        pd.testing.assert_frame_equal(load(data, cache_dir).terms, plain.terms)


def test_a_snapshot_missing_a_table_is_not_used(tmp_path):
    data, cache_dir = folder(tmp_path), tmp_path / "cache"
    plain = load(data, cache_dir)
    (snapshots(cache_dir)[0] / "people.arrow").unlink()
    with pytest.warns(UserWarning, match="snapshot without people"):
        again = kslib.load_corpus(data, cache=cache_dir)
    pd.testing.assert_frame_equal(again.people, plain.people)


def test_a_change_in_a_later_stage_keeps_the_parse_cache(tmp_path, monkeypatch):
    package = tmp_path / "kslib"
    write(package, "extract/rules.py", "RULE = 1\n")
    write(package, "plot/style.py", "COLOUR = 'red'\n")
    write(package, "count/words.py", "N = 1\n")
    write(package, "__init__.py", "NAMES = {}\n")
    monkeypatch.setattr(config, "PACKAGE_DIR", package)
    versions = []
    try:
        for path, text in [(None, None), ("plot/style.py", "COLOUR = 'blue'\n"), ("count/words.py", "N = 2\n"),
                           ("__init__.py", "NAMES = {'a': 1}\n"), ("extract/rules.py", "RULE = 2\n")]:
            if path:
                write(package, path, text)
            config.rules_version.cache_clear()
            versions.append(config.rules_version())
    finally:
        config.rules_version.cache_clear()
    assert versions[0] == versions[1] == versions[2] == versions[3] != versions[4]
    assert cache_mod.rules_version is config.rules_version


def test_the_first_load_reads_its_tables_from_the_snapshot_it_writes(tmp_path):
    """Assembled from the parts, the tables go to the snapshot one at a time and the corpus
    reads them from there when first used: a report's own process, which reads only the
    articles, held every table as a frame (6 GB at 100,000 articles). A later load of the
    changed folder does not remove the files a live corpus still reads; once it is gone, they go."""
    from kslib._engine.snapshot import Deferred

    data, cache_dir = folder(tmp_path), tmp_path / "cache"
    first = load(data, cache_dir)
    assert type(object.__getattribute__(first, "terms")) is Deferred
    plain = kslib.load_corpus(data, cache=False)
    assert first.terms.reset_index(drop=True).equals(plain.terms.reset_index(drop=True))
    write(data, "b.txt", OTHER.replace("Bodø", "Narvik"))
    changed = load(data, cache_dir)
    assert len(snapshots(cache_dir)) == 2  # the first corpus's quotes are still to be read
    assert "Bodø" in set(first.places["name"]) and "Narvik" not in set(first.places["name"])
    assert first.quotes["text"].tolist() == plain.quotes["text"].tolist()
    assert "Narvik" in set(changed.places["name"])
    del first, changed  # no corpus reads them now: the next snapshot written removes them
    write(data, "b.txt", OTHER.replace("Bodø", "Tromsø"))
    load(data, cache_dir)
    assert len(snapshots(cache_dir)) == 1
