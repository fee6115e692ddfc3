"""The benchmark script still runs end to end (its numbers are not checked: speed goals
live in `make bench`, never in tests)."""

import importlib.util
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[1] / "benchmarks" / "bench.py"


@pytest.mark.slow
def test_bench_measures_a_tiny_corpus(tmp_path, monkeypatch):
    spec = importlib.util.spec_from_file_location("bench", BENCH)
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    monkeypatch.setattr(bench, "WORK", tmp_path)
    result = bench.run(12, runs=2)
    assert result["articles"] == 12 and result["words"] > 12 * 100 and result["word_types"] > 500
    # the report ran on the warm cache, and every notebook's time was read from its progress
    report = result["report"]
    assert report["total_s"] > 0 and report["peak_rss_mb"] > 0 and report["report_mb"] > 0
    assert sorted(report["notebooks_s"]) == sorted(p.stem for p in (BENCH.parents[1] / "notebooks").glob("0*.ipynb"))
    assert result["cold_s"] > 0 and result["baseline_s"] >= 0 and result["ratio"] > 0  # 12 files: ~1 ms
    assert 0 < result["incremental_s"] and result["peak_rss_mb"] > 0
    assert len(list((tmp_path / "n12").glob("*.txt"))) == 12  # the extra articles were removed
    assert not (tmp_path / "tmp").exists()


def test_the_benchmark_vocabulary_keeps_growing(tmp_path):
    """Word types grow with the corpus, as in real text (Heaps' law), and no paragraph repeats."""
    spec = importlib.util.spec_from_file_location("corpus", BENCH.parent / "corpus.py")
    corpus = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(corpus)
    corpus.write_corpus(40, tmp_path / "a")
    corpus.write_corpus(400, tmp_path / "b")
    small, large = corpus.word_types(tmp_path / "a"), corpus.word_types(tmp_path / "b")
    assert large > 2.5 * small  # ten times the text, far more than twice the words
    paragraphs = [p for f in (tmp_path / "b").glob("*.txt") for p in f.read_text(encoding="utf-8").split("\n\n")]
    assert len(set(paragraphs)) == len(paragraphs)


@pytest.mark.slow
def test_the_formats_benchmark_writes_its_folders(tmp_path, monkeypatch):
    """`make bench` runs benchmarks/bench_formats.py after bench.py: it imports and writes the same
    articles as text, web pages and PDFs."""
    spec = importlib.util.spec_from_file_location("bench_formats", BENCH.parent / "bench_formats.py")
    formats = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(formats)
    monkeypatch.setattr(formats, "WORK", tmp_path)
    folders = formats.write_folders(3, 2)
    assert sorted(len(list(f.iterdir())) for f in folders.values()) == [2, 3, 3]
    text = (folders["txt"] / "00000.txt").read_text(encoding="utf-8")
    assert len(text.split()) > 100


def test_the_stage_timers_time_every_stage_of_a_parse(tmp_path):
    """`benchmarks/stages.py` times each stage where `parse_many` looks it up: a stage renamed
    or moved would be timed nowhere (called 0 times) and its time would fall into «the rest»."""
    import subprocess
    import sys

    spec = importlib.util.spec_from_file_location("corpus", BENCH.parent / "corpus.py")
    corpus = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(corpus)
    corpus.write_corpus(70, tmp_path / "c")  # more than one chunk of CHUNK_DOCS
    # its own process: the timers replace kslib's functions for the process that runs them
    out = subprocess.run([sys.executable, str(BENCH.parent / "stages.py"), str(tmp_path / "c"), "--docs", "70", "--json"],
                         check=True, capture_output=True, text=True)
    result = __import__("json").loads(out.stdout)
    assert result["articles"] == 70
    per_article = {"decode the bytes", "paragraphs and their kinds", "people, quotes and speakers", "year", "places"}
    for label, calls in result["calls"].items():
        assert calls >= (70 if label in per_article else 2), label  # per article, or per chunk (2 chunks)
    seconds = dict(result["stages"])
    assert all(s >= 0 for label, s in seconds.items() if not label.startswith("the rest"))
    assert abs(sum(seconds.values()) - result["parse_s"]) < 0.01  # the rest closes the sum
    assert [label for label, _ in result["floors"]] == ["naive count: lower, split, Counter",
                                                         "the tokeniser's regular expression, one pass"]
