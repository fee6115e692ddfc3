"""Speed and memory benchmark: `make bench` (add `ARGS=--large` for 100,000 articles).

Builds deterministic synthetic corpora whose vocabulary grows like real text's
(`benchmarks/corpus.py`: new compounds, names and rare words keep appearing, paragraphs
never repeat; the word types per size are printed), then measures, as medians of
several runs, in one process tree:
- cold `kslib extract` (everything: paragraphs, sentences, terms, quotes, people,
  places, themes) with an empty cache;
- a naive baseline a notebook author would write (import pandas, read, lower-case,
  split, Counter, one DataFrame) on the same files, run alternately with the cold runs,
  and the ratio kslib / baseline (median of the pairs), both timed as whole processes;
  also the baseline's counting alone and the ratio to it (`count s`);
- an incremental rerun of `kslib extract` after adding one article (made like the others)
  to the cached corpus;
- words per second and peak memory (RSS) of the extract processes;
- `kslib report` on the warm cache: seconds in all and per notebook, the peak memory of
  its largest process (a notebook's kernel) and the size of report.html (`--no-report`
  leaves it out);
- where one process's parse spends its CPU time, stage by stage, on 2,000 articles of the
  largest corpus up to 10,000, beside two floors on the same texts: the naive count and one
  pass of the tokeniser's regular expression (`benchmarks/stages.py`; `--no-stages` leaves
  it out).
kslib's modules are byte-compiled first, as Python leaves them after a user's first
run: where PYTHONDONTWRITEBYTECODE is set (some containers), every process would
otherwise compile them again, 0.3 s that is no part of kslib's work.
Prints a table and writes it as JSON to benchmarks/results/ for comparing commits.
Speed goals live here, never in the test suite.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
WORK = ROOT / "benchmarks" / "corpus"
RESULTS = ROOT / "benchmarks" / "results"

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import Writer, word_types, write_corpus  # noqa: E402  (benchmarks/corpus.py, beside this file)


def make_corpus(n: int, folder: Path, seed: int = 20261203) -> int:
    """Write `n` synthetic articles with a growing vocabulary (`benchmarks/corpus.py`) into
    `folder`, unless it holds them already; returns the number of words (whitespace split)."""
    if folder.exists() and len(list(folder.glob("*.txt"))) == n:
        return sum(len(p.read_text(encoding="utf-8").split()) for p in folder.glob("*.txt"))
    shutil.rmtree(folder, ignore_errors=True)
    return write_corpus(n, folder, seed)


def naive_word_counts(folder: Path) -> float:
    """The naive notebook approach (read, lower-case, split, Counter, one DataFrame): seconds."""
    import collections

    import pandas as pd

    start = time.perf_counter()
    rows = []
    for path in sorted(folder.glob("*.txt")):
        counts = collections.Counter(path.read_text(encoding="utf-8").lower().split())
        rows += [(path.name, w, c) for w, c in counts.items()]
    pd.DataFrame(rows, columns=["file", "word", "n"])
    return time.perf_counter() - start


def baseline(folder: Path) -> tuple[float, float]:
    """(seconds of the whole process, seconds of its counting alone) of `naive_word_counts`
    in a process of its own, so that its memory (gigabytes at 100,000 articles) never
    inflates this process or the extract processes it starts. The whole process (Python
    starting, `import pandas`, the counting) is what compares with a whole `kslib extract`
    process; the counting alone leaves out the 0.3-0.4 s that both spend starting."""
    start = time.perf_counter()
    out = subprocess.run([sys.executable, __file__, "--baseline", str(folder)], check=True, capture_output=True,
                         text=True)
    return time.perf_counter() - start, float(out.stdout)


def extract(folder: Path, out: Path, cache: Path, extra=()) -> tuple[float, float]:
    """(seconds, peak RSS in MB) of one `kslib extract` process: the largest of it and its
    worker processes, from the resource usage of that process tree alone."""
    cmd = [sys.executable, "-m", "kslib", "extract", str(folder), "--out", str(out), "--cache", str(cache),
           "--quiet", *extra]
    start = time.perf_counter()
    proc = subprocess.Popen(cmd)
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode:
        raise subprocess.CalledProcessError(proc.returncode, cmd)
    return seconds, usage.ru_maxrss / 1024


#: a notebook's line in `kslib report`'s progress: `[4/6] 04-speakers: ok (356,2 s)`
NOTEBOOK_LINE = re.compile(r"^\[\d+/\d+\] (\S+): ok \(([\d\s\u00a0.,]+) s\)", re.M)


def time_report(folder: Path, cache: Path, out: Path) -> dict:
    """`kslib report` on a folder whose parse cache is warm: seconds in all, seconds per
    notebook (from its progress lines) and the peak RSS in MB of the largest process of its
    tree (a notebook's kernel, mostly)."""
    cmd = [sys.executable, "-m", "kslib", "report", str(folder), "--out", str(out)]
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                            env=os.environ | {"KSLIB_CACHE": str(cache)})
    output = proc.stdout.read()
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status):
        raise RuntimeError(f"kslib report failed:\n{output[-2000:]}")
    per = {name: float(re.sub(r"[\s\u00a0]", "", t).replace(",", ".")) for name, t in NOTEBOOK_LINE.findall(output)}
    html = out / "report.html"
    return {"total_s": round(seconds, 1), "notebooks_s": per, "peak_rss_mb": round(usage.ru_maxrss / 1024),
            "report_mb": round(html.stat().st_size / 1e6, 1) if html.exists() else None}


def compile_kslib() -> None:
    """Byte-compile kslib (what the first import does unless PYTHONDONTWRITEBYTECODE is set)."""
    import compileall

    compileall.compile_dir(ROOT / "kslib", quiet=1)


def run(n: int, runs: int, extra=(), with_report: bool = True) -> dict:
    folder = WORK / f"n{n}"
    words = make_corpus(n, folder)
    tmp = WORK / "tmp"
    # baseline and cold runs alternate, so that both see the same spells of a machine whose
    # speed drifts (shared virtual machines vary by 10 % from minute to minute); the ratio is
    # the median of each pair's
    bases, works, colds, peaks = [], [], [], []
    for _ in range(runs):
        whole, work = baseline(folder)
        bases.append(whole)
        works.append(work)
        shutil.rmtree(tmp, ignore_errors=True)
        seconds, peak = extract(folder, tmp / "out", tmp / "cache", extra)
        colds.append(seconds)
        peaks.append(peak)
    base = statistics.median(bases)
    # one more article like the others (a new one each run), added to the cached corpus
    incs = []
    for r in range(runs):
        extra_file = folder / f"zz-extra-{r}.txt"
        extra_file.write_text(Writer(seed=r).article(n + r), encoding="utf-8")
        seconds, _ = extract(folder, tmp / "out", tmp / "cache", extra)
        incs.append(seconds)
        extra_file.unlink()
    report = time_report(folder, tmp / "cache", tmp / "report") if with_report else {}
    shutil.rmtree(tmp, ignore_errors=True)
    cold = statistics.median(colds)
    return {"articles": n, "words": words, "word_types": word_types(folder), "runs": runs, "report": report, "cold_s": round(cold, 2), "baseline_s": round(base, 2),
            "ratio": round(statistics.median(c / b for c, b in zip(colds, bases)), 2),
            "baseline_counting_s": round(statistics.median(works), 2),
            "ratio_to_counting": round(statistics.median(c / w for c, w in zip(colds, works)), 2),
            "incremental_s": round(statistics.median(incs), 2),
            "incremental_share": round(statistics.median(incs) / cold, 3), "words_per_s": int(words / cold),
            "peak_rss_mb": round(max(peaks))}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--large", action="store_true", help="also run 100,000 articles")
    parser.add_argument("--sizes", type=int, nargs="*", help="article counts (default 1000 10000)")
    parser.add_argument("--runs", type=int, default=3, help="runs per size (median is reported)")
    parser.add_argument("--engine", default="local", choices=["local", "dask"])
    parser.add_argument("--no-report", action="store_true", help="do not time `kslib report`")
    parser.add_argument("--no-stages", action="store_true", help="do not time the stages of parsing (`stages.py`)")
    parser.add_argument("--baseline", metavar="FOLDER", help=argparse.SUPPRESS)  # used by `baseline`
    args = parser.parse_args()
    if args.baseline:
        print(naive_word_counts(Path(args.baseline)))
        return
    sizes = args.sizes or [1000, 10_000] + ([100_000] if args.large else [])
    compile_kslib()
    extra = ("--engine", "dask") if args.engine == "dask" else ()
    results = []
    print(f"{'articles':>9} {'words':>10} {'types':>8} {'cold s':>8} {'base s':>7} {'ratio':>6} {'count s':>8} {'ratio':>6}"
          f" {'incr s':>7} {'incr %':>7} {'words/s':>9} {'peak MB':>8}")
    for n in sizes:
        r = run(n, args.runs if n <= 10_000 else 1, extra, with_report=not args.no_report)
        results.append(r)
        print(f"{r['articles']:>9,} {r['words']:>10,} {r['word_types']:>8,} {r['cold_s']:>8} {r['baseline_s']:>7} {r['ratio']:>6}"
              f" {r['baseline_counting_s']:>8} {r['ratio_to_counting']:>6}"
              f" {r['incremental_s']:>7} {r['incremental_share'] * 100:>6.1f}% {r['words_per_s']:>9,}"
              f" {r['peak_rss_mb']:>8}")
    for r in results:
        if r["report"]:
            rep = r["report"]
            print(f"kslib report, {r['articles']:,} articles (warm cache): {rep['total_s']} s, peak "
                  f"{rep['peak_rss_mb']} MB, report.html {rep['report_mb']} MB")
            for name, sec in rep["notebooks_s"].items():
                print(f"  {name:<22} {sec:>8.1f} s")
    stages = None
    if not args.no_stages:
        # where a worker's time goes, on the largest corpus of at most 10,000 articles
        folder = WORK / f"n{max((n for n in sizes if n <= 10_000), default=min(sizes))}"
        proc = subprocess.run([sys.executable, str(Path(__file__).with_name("stages.py")), str(folder), "--json"],
                             check=True, capture_output=True, text=True)
        stages = json.loads(proc.stdout)
        from stages import print_table  # noqa: E402  (benchmarks/stages.py, beside this file)

        print_table(stages)
    if len(results) > 1:
        growth = results[-1]["cold_s"] / results[-2]["cold_s"]
        print(f"growth {results[-2]['articles']:,} -> {results[-1]['articles']:,}: x{growth:.1f}")
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, cwd=ROOT)
    RESULTS.mkdir(parents=True, exist_ok=True)
    out = RESULTS / f"bench-{time.strftime('%Y%m%d-%H%M%S')}.json"
    out.write_text(json.dumps({"commit": commit.stdout.strip(), "engine": args.engine, "results": results,
                                          "stages": stages},
                              indent=1), encoding="utf-8")
    print(f"-> {out}")


if __name__ == "__main__":
    main()
