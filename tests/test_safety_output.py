"""Data safety of the cache and the output folder: kslib deletes only what it wrote, and a
failed, killed or concurrent run never leaves a mixed output folder.

Each test builds the hostile situation itself (folders that look like cache versions, a
user's own files under kslib's table names, a run that fails halfway, kill -9)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest

import kslib
from kslib._engine import cache as cache_mod
from kslib._engine.writer import MARKER, OutputError, read_tables
from kslib.cli import main

from .conftest import ARTICLE, write

ROOT = Path(__file__).resolve().parents[1]


def articles(folder: Path, n: int = 3, sub: str = "") -> Path:
    for i in range(n):
        write(folder, f"{sub}{i:03d}.txt", ARTICLE.replace("Hamar", ["Hamar", "Gjøvik", "Lillehammer", "Elverum"][i % 4])
              + f"\n\nArtikkel nummer {i}.")
    return folder


def tree(folder: Path) -> dict[str, bytes]:
    """Every file below `folder` with its bytes."""
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


# -- 1. the cache removes only its own marked folders ------------------------------------
def test_a_cache_pointed_at_the_articles_deletes_no_folder_of_theirs(tmp_path, capsys):
    arts = tmp_path / "arts"
    articles(arts / "nyheter-2023")  # 12 characters: the old clean-up removed such folders
    articles(arts / "nyheter-2024")
    before = tree(arts)
    assert main(["extract", str(arts), "--out", str(tmp_path / "o"), "--cache", str(arts)]) == 0
    after = tree(arts)
    assert {k: v for k, v in after.items() if not k.startswith("kslib-cache/")} == before
    assert (arts / "kslib-cache" / "CACHEDIR.TAG").is_file()
    # a rerun does not read its own cache as articles
    assert main(["extract", str(arts), "--out", str(tmp_path / "o"), "--cache", str(arts)]) == 0
    assert len(pd.read_parquet(tmp_path / "o" / "articles.parquet")) == 6


def test_a_cache_root_full_of_user_folders_keeps_them(tmp_path, monkeypatch):
    home = tmp_path / "home"
    for name in ("abcdefghijkl", "rules-abcdef", "Dokumenter12"):  # 12-character and look-alike names
        write(home / name, "notat.txt", "mine")
    monkeypatch.setenv("KSLIB_CACHE", str(home))
    kslib.load_corpus(articles(tmp_path / "data"))
    assert (home / "abcdefghijkl" / "notat.txt").read_text() == "mine"
    assert (home / "rules-abcdef" / "notat.txt").read_text() == "mine"
    assert (home / "Dokumenter12" / "notat.txt").read_text() == "mine"


def test_an_old_rules_version_is_removed_only_when_marked_and_unused(tmp_path, monkeypatch):
    root = tmp_path / "cache"
    data = articles(tmp_path / "data")
    monkeypatch.setattr(cache_mod, "rules_version", lambda: "aaaaaaaaaaaa")
    kslib.load_corpus(data, cache=root)
    old = root / "kslib-cache" / "rules-aaaaaaaaaaaa"
    assert old.is_dir()
    unmarked = root / "kslib-cache" / "rules-bbbbbbbbbbbb"
    write(unmarked, "x.txt", "no mark: not kslib's")
    monkeypatch.setattr(cache_mod, "rules_version", lambda: "cccccccccccc")
    busy = cache_mod.ParseCache.__new__(cache_mod.ParseCache)  # another run using version a holds its lock
    lock = cache_mod._Lock(root / "kslib-cache" / "rules-aaaaaaaaaaaa.lock")
    assert lock.take(exclusive=False)
    kslib.load_corpus(data, cache=root)
    assert old.is_dir(), "a version another run uses was removed"
    lock.release()
    del busy
    kslib.load_corpus(data, cache=root)
    assert not old.exists() and (unmarked / "x.txt").is_file()


# -- 2. --out never deletes what the user had there ----------------------------------------
@pytest.mark.parametrize("foreign", ["people.parquet", "articles.parquet/mine.txt", "terms.csv"])
def test_an_output_folder_with_foreign_files_under_kslib_names_is_refused(tmp_path, capsys, foreign):
    out = tmp_path / "out"
    write(out, foreign, "the user's own data")
    write(out, "notes.md", "kept")
    before = tree(out)
    assert main(["extract", str(articles(tmp_path / "data")), "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert "kslib did not write" in err and foreign.split("/")[0] in err and "Traceback" not in err
    assert tree(out) == before


def test_other_files_in_the_output_folder_are_left_alone(tmp_path):
    out = tmp_path / "out"
    write(out, "notes.md", "kept")
    write(out, "terms.parquet.bak", "kept too")
    data = articles(tmp_path / "data")
    assert main(["extract", str(data), "--out", str(out), "--csv"]) == 0
    assert main(["extract", str(data), "--out", str(out)]) == 0  # a rerun replaces only kslib's entries
    assert (out / "notes.md").read_text() == "kept" and (out / "terms.parquet.bak").read_text() == "kept too"
    assert not (out / "terms.csv").exists()  # kslib's own file from the run before, not asked for now
    marker = json.loads((out / MARKER).read_text())
    assert marker["complete"] and "notes.md" not in marker["entries"]


def test_an_output_folder_that_is_a_file_is_one_sentence(tmp_path, capsys):
    target = write(tmp_path, "out", "a file")
    assert main(["extract", str(articles(tmp_path / "data")), "--out", str(target)]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("kslib:") and "is a file" in err and len(err.splitlines()) == 1
    assert target.read_text() == "a file"


# -- 3. a failed or killed run leaves the previous output whole -----------------------------
def test_a_run_that_fails_halfway_leaves_the_last_output_as_it_was(tmp_path, monkeypatch):
    data, out = articles(tmp_path / "data"), tmp_path / "out"
    assert main(["extract", str(data), "--out", str(out)]) == 0
    first = tree(out)
    write(data, "ny.txt", ARTICLE.replace("Hamar", "Bodø"))
    import kslib.extract.speakers

    def boom(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(kslib.extract.speakers, "to_speakers", boom)  # fails after the parts are written
    assert main(["extract", str(data), "--out", str(out)]) == 2
    assert tree(out) == first
    assert not list(tmp_path.glob(".out.kslib-staging-*")), "the staging folder was left behind"
    assert len(read_tables(out)["articles"]) == 3


def test_readers_refuse_an_output_folder_whose_run_did_not_finish(tmp_path):
    data, out = articles(tmp_path / "data"), tmp_path / "out"
    assert main(["extract", str(data), "--out", str(out)]) == 0
    marker = json.loads((out / MARKER).read_text())
    (out / MARKER).write_text(json.dumps({**marker, "complete": False}))  # as a swap cut short leaves it
    with pytest.raises(OutputError, match="did not finish"):
        read_tables(out)
    assert main(["extract", str(data), "--out", str(out)]) == 0  # the next run repairs it
    assert len(read_tables(out)["articles"]) == 3


def _extract_process(data: Path, out: Path, cache: Path, *extra: str) -> subprocess.Popen:
    env = {**os.environ, "KSLIB_CACHE": str(cache)}
    return subprocess.Popen([sys.executable, "-m", "kslib", "extract", str(data), "--out", str(out), "--quiet",
                             *extra], env=env, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def _children(pid: int) -> list[int]:
    out = subprocess.run(["ps", "-o", "pid=", "--ppid", str(pid)], capture_output=True, text=True).stdout
    return [int(x) for x in out.split()]


def _big_folder(folder: Path, n: int = 900) -> Path:
    words = "kommune fylke skole helse barnehage økonomi avtale innbyggere tjenester".split()
    for i in range(n):
        text = (f"Sak nummer {i} om {words[i % 9]}\n\n"
                + " ".join(f"{words[(i * j) % 9]}{i % 97}" for j in range(300))
                + f".\n\n- Dette er viktig for {words[i % 9]}, sier ordfører Kari Nordmann{i % 13}.")
        write(folder, f"{i:04d}.txt", text)
    return folder


@pytest.mark.slow
@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGTERM])
def test_a_killed_extract_leaves_no_mixed_output_no_workers_and_no_spools(tmp_path, sig):
    small, out, cache = articles(tmp_path / "small"), tmp_path / "out", tmp_path / "cache"
    assert _extract_process(small, out, cache).wait(60) == 0
    first = tree(out)
    big = _big_folder(tmp_path / "big")
    proc = _extract_process(big, out, cache, "--jobs", "2", "--no-cache")
    deadline = time.time() + 60
    while time.time() < deadline and len(_children(proc.pid)) < 2:  # the workers are parsing
        time.sleep(0.05)
    workers = _children(proc.pid)
    assert workers, "the run ended before it could be killed"
    spools = [p for p in Path("/dev/shm").glob(f"kslib-{proc.pid}-*")] if Path("/dev/shm").is_dir() else []
    proc.send_signal(sig)
    proc.wait(30)
    if sig == signal.SIGTERM:
        assert proc.returncode != 0 and b"Traceback" not in proc.stderr.read()
    deadline = time.time() + 10
    while time.time() < deadline and any(Path(f"/proc/{w}").exists() for w in workers):
        time.sleep(0.05)
    alive = [w for w in workers if Path(f"/proc/{w}").exists()
             and "Z" not in Path(f"/proc/{w}/stat").read_text().split()[2]]
    assert not alive, f"workers {alive} outlived their parent"
    assert tree(out) == first, "the killed run changed the output folder"
    if sig == signal.SIGTERM:
        assert not any(p.exists() for p in spools), "SIGTERM left its spool in /dev/shm"
    # the next run sweeps what the killed one left: staging beside --out, spools in /dev/shm
    assert _extract_process(small, out, cache).wait(60) == 0
    assert not list(tmp_path.glob(".out.kslib-staging-*"))
    assert not any(p.exists() for p in spools)


@pytest.mark.slow
def test_two_runs_on_one_cache_and_one_output_folder_both_succeed(tmp_path):
    data = _big_folder(tmp_path / "data", 300)
    out, cache = tmp_path / "out", tmp_path / "cache"
    runs = [_extract_process(data, out, cache, "--jobs", "2") for _ in range(2)]
    codes = [run.wait(120) for run in runs]
    errors = [run.stderr.read().decode() for run in runs]
    assert codes == [0, 0], errors
    tables = read_tables(out)
    alone = tmp_path / "alone"
    assert main(["extract", str(data), "--out", str(alone), "--no-cache", "--quiet"]) == 0
    for name, df in read_tables(alone).items():
        pd.testing.assert_frame_equal(tables[name].sort_values(list(df.columns[:2])).reset_index(drop=True),
                                      df.sort_values(list(df.columns[:2])).reset_index(drop=True), check_like=True)
