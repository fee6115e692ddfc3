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
    assert result["articles"] == 12 and result["words"] > 12 * 100
    assert result["cold_s"] > 0 and result["baseline_s"] >= 0 and result["ratio"] > 0  # 12 files: ~1 ms
    assert 0 < result["incremental_s"] and result["peak_rss_mb"] > 0
    assert len(list((tmp_path / "n12").glob("*.txt"))) == 12  # the extra articles were removed
    assert not (tmp_path / "tmp").exists()
