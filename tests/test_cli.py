"""The command line: `kslib extract` and `kslib evaluate`."""

import json
import subprocess
import sys

import pandas as pd
import pytest

from kslib.cli import main

from .conftest import ARTICLE, write


def test_extract_writes_every_table(tmp_path, capsys):
    data, out = tmp_path / "data", tmp_path / "out"
    write(data, "a.txt", ARTICLE)
    write(data, "tom.txt", "")
    assert main(["extract", str(data), "--out", str(out), "--csv"]) == 0
    names = {p.stem for p in out.glob("*.parquet")}
    assert {"articles", "paragraphs", "sentences", "rejected", "quotes", "people", "speakers"} <= names
    assert {p.stem for p in out.glob("*.csv")} == names
    assert pd.read_parquet(out / "rejected.parquet")["file"].tolist() == ["tom.txt"]
    assert pd.read_csv(out / "people.csv")["name"].tolist() == ["Kari Nordmann"]
    assert "articles" in capsys.readouterr().out


@pytest.mark.parametrize("setup, message", [(None, "not found"), ("empty", "No article files")])
def test_extract_fails_with_one_clear_sentence(tmp_path, capsys, setup, message):
    folder = tmp_path / "mappe"
    if setup:
        folder.mkdir()
        write(folder, "tall.xlsx", "ikke en artikkel")
    assert main(["extract", str(folder), "--out", str(tmp_path / "o")]) == 2
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err and err.count("\n") == 1


def test_evaluate_json(tmp_path, capsys, seeds_dir):
    from kslib import config

    assert main(["evaluate", str(seeds_dir), str(config.DATA_DIR / "gold" / "seeds.json"), "--json"]) == 0
    scores = json.loads(capsys.readouterr().out)
    assert scores["quoted"]["f1"] == 1.0 and {"precision", "recall", "tp", "fp", "fn"} <= set(scores["people"])


def test_module_help_explains_every_option():
    out = subprocess.run([sys.executable, "-m", "kslib", "extract", "--help"], capture_output=True, text=True).stdout
    for option in ("--out", "--csv", "--cache", "--no-cache", "--max-size", "--jobs", "--engine"):
        assert option in out


def test_the_command_exits_at_once_with_its_output_and_code(tmp_path):
    """`python -m kslib extract` skips the interpreter's teardown: its summary, its tables
    and its exit code must all be there."""
    data, out = tmp_path / "data", tmp_path / "out"
    write(data, "a.txt", ARTICLE)
    done = subprocess.run([sys.executable, "-m", "kslib", "extract", str(data), "--out", str(out), "--no-cache"],
                          capture_output=True, text=True, check=False)
    assert done.returncode == 0 and "1 files: 1 articles" in done.stdout
    assert pd.read_parquet(out / "people.parquet")["name"].tolist() == ["Kari Nordmann"]
    failed = subprocess.run([sys.executable, "-m", "kslib", "extract", str(tmp_path / "mangler")],
                            capture_output=True, text=True, check=False)
    assert failed.returncode == 2 and "Data folder not found" in failed.stderr
