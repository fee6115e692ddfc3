"""Speed and memory benchmark: `make bench` (add `ARGS=--large` for 100,000 articles).

Builds deterministic synthetic corpora by recombining and mutating the paragraphs
of data/seeds/ (names, places and lengths varied), then measures, as medians of
several runs, in one process tree:
- cold `kslib extract` (everything: paragraphs, sentences, terms, quotes, people,
  places, themes) with an empty cache;
- a naive baseline a notebook author would write (import pandas, read, lower-case,
  split, Counter, one DataFrame) on the same files, run alternately with the cold runs,
  and the ratio kslib / baseline (median of the pairs), both timed as whole processes;
  also the baseline's counting alone and the ratio to it (`count s`);
- an incremental rerun of `kslib extract` after adding one article (made like the others)
  to the cached corpus;
- words per second and peak memory (RSS) of the extract processes.
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
import random
import re
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "data" / "seeds"
WORK = ROOT / "benchmarks" / "corpus"
RESULTS = ROOT / "benchmarks" / "results"

FIRST = ["Kari", "Ola", "Ingrid", "Per", "Anne", "Lars", "Siri", "Jon", "Marit", "Knut", "Hilde", "Tor", "Eva",
         "Geir", "Heidi", "Trond", "Liv", "Arne", "Nina", "Svein"]
LAST = ["Hansen", "Johansen", "Olsen", "Larsen", "Andersen", "Pedersen", "Nilsen", "Kristiansen", "Jensen",
        "Karlsen", "Berg", "Haugen", "Hagen", "Eide", "Lie", "Bakken", "Dahl", "Moen", "Solberg", "Strand"]
PLACES = ["Drammen", "Bergen", "Tromsø", "Bodø", "Hamar", "Gjøvik", "Molde", "Alta", "Skien", "Arendal",
          "Steinkjer", "Lillestrøm", "Kinn", "Harstad", "Kongsberg", "Voss", "Ålesund", "Narvik", "Gol", "Lunner"]
NAME = re.compile(r"\b(Helge Eide|Trond Julin|Lasse Hansen|Tor Arne Gangsø|Aud Hove|Geir Runar Johannessen|"
                  r"Hugo Thode Hansen|Trond Lesjø|Kari Anne Sand|Heidi Granli)\b")
PLACE = re.compile(r"\b(Drammen|Trøndelag|Innlandet|Viken|Harstad|Gol|Skaun|Melhus|Steinkjer|Lunner)\b")


def seed_paragraphs() -> list[str]:
    paras = []
    for path in sorted(SEEDS.glob("*.txt")):
        paras += [p for p in re.split(r"\n\s*\n", path.read_text(encoding="utf-8")) if p.strip()]
    return paras


def make_article(rng: random.Random, paras: list[str], i: int) -> str:
    """One synthetic article: 10-24 seed paragraphs with names, places and a year varied."""
    chosen = rng.sample(paras, k=rng.randint(10, 24))
    text = "\n\n".join(chosen)
    text = NAME.sub(lambda m: f"{rng.choice(FIRST)} {rng.choice(LAST)}", text)
    text = PLACE.sub(lambda m: rng.choice(PLACES), text)
    return text + f"\n\nArtikkel nummer {i} i {rng.choice(PLACES)} i {rng.randint(2018, 2024)}."


def make_corpus(n: int, folder: Path, seed: int = 20261123) -> int:
    """Write `n` synthetic articles into `folder`; returns the number of words (whitespace split)."""
    if folder.exists() and len(list(folder.glob("*.txt"))) == n:
        return sum(len(p.read_text(encoding="utf-8").split()) for p in folder.glob("*.txt"))
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    rng = random.Random(seed)
    paras = seed_paragraphs()
    words = 0
    for i in range(n):
        text = make_article(rng, paras, i)
        (folder / f"{i:06d}.txt").write_text(text, encoding="utf-8")
        words += len(text.split())
    return words


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


def compile_kslib() -> None:
    """Byte-compile kslib (what the first import does unless PYTHONDONTWRITEBYTECODE is set)."""
    import compileall

    compileall.compile_dir(ROOT / "kslib", quiet=1)


def run(n: int, runs: int, extra=()) -> dict:
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
    paras = seed_paragraphs()
    for r in range(runs):
        extra_file = folder / f"zz-extra-{r}.txt"
        extra_file.write_text(make_article(random.Random(r), paras, n + r), encoding="utf-8")
        seconds, _ = extract(folder, tmp / "out", tmp / "cache", extra)
        incs.append(seconds)
        extra_file.unlink()
    shutil.rmtree(tmp, ignore_errors=True)
    cold = statistics.median(colds)
    return {"articles": n, "words": words, "runs": runs, "cold_s": round(cold, 2), "baseline_s": round(base, 2),
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
    parser.add_argument("--baseline", metavar="FOLDER", help=argparse.SUPPRESS)  # used by `baseline`
    args = parser.parse_args()
    if args.baseline:
        print(naive_word_counts(Path(args.baseline)))
        return
    sizes = args.sizes or [1000, 10_000] + ([100_000] if args.large else [])
    compile_kslib()
    extra = ("--engine", "dask") if args.engine == "dask" else ()
    results = []
    print(f"{'articles':>9} {'words':>10} {'cold s':>8} {'base s':>7} {'ratio':>6} {'count s':>8} {'ratio':>6}"
          f" {'incr s':>7} {'incr %':>7} {'words/s':>9} {'peak MB':>8}")
    for n in sizes:
        r = run(n, args.runs if n <= 10_000 else 1, extra)
        results.append(r)
        print(f"{r['articles']:>9,} {r['words']:>10,} {r['cold_s']:>8} {r['baseline_s']:>7} {r['ratio']:>6}"
              f" {r['baseline_counting_s']:>8} {r['ratio_to_counting']:>6}"
              f" {r['incremental_s']:>7} {r['incremental_share'] * 100:>6.1f}% {r['words_per_s']:>9,}"
              f" {r['peak_rss_mb']:>8}")
    if len(results) > 1:
        growth = results[-1]["cold_s"] / results[-2]["cold_s"]
        print(f"growth {results[-2]['articles']:,} -> {results[-1]['articles']:,}: x{growth:.1f}")
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, cwd=ROOT)
    RESULTS.mkdir(parents=True, exist_ok=True)
    out = RESULTS / f"bench-{time.strftime('%Y%m%d-%H%M%S')}.json"
    out.write_text(json.dumps({"commit": commit.stdout.strip(), "engine": args.engine, "results": results},
                              indent=1), encoding="utf-8")
    print(f"-> {out}")


if __name__ == "__main__":
    main()
