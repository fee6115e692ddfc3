"""Where a cold parse spends its time: CPU seconds per stage of `parse_many`, in one process.

`python benchmarks/stages.py FOLDER [--docs N]` parses the first N `*.txt` files of FOLDER
(the benchmark's synthetic corpus) in chunks, as a worker process does, with a timer around
each stage function (the function is replaced by a timed wrapper for this process only; one
clock read before and after each call, no profiler), and prints per stage its CPU seconds,
its share of the parse and its microseconds per article, then two floors measured on the
same texts: the naive count (`lower().split()` and a Counter, what the baseline's counting
does) and one pass of the tokeniser's regular expression alone (what the terms table cannot
do without). No stage calls another; people are found inside `find_quotes`.
Run by `bench.py` after the 10,000-article size; `--json` prints the numbers as JSON.
"""

from __future__ import annotations

import argparse
import collections
import json
import sys
import time
from pathlib import Path

#: (module, function, label): the stages of `kslib.extract.document.parse_many`, where they are looked up
STAGES = (
    ("kslib.extract.document", "read_article", "decode the bytes"),
    ("kslib.structure.paragraphs", "classify", "paragraphs and their kinds"),
    ("kslib.extract.document", "split_sentences", "sentences"),
    ("kslib.structure.language", "detect_language", "language"),
    ("kslib.extract.document", "find_quotes", "people, quotes and speakers"),
    ("kslib.extract.document", "infer_year_evidence", "year"),
    ("kslib.extract.document", "extract_places", "places"),
    ("kslib.extract.document", "article_region", "region"),
    ("kslib.extract.document", "paragraph_keys", "near-duplicate keys"),
    ("kslib.extract.document", "text_id", "article id"),
    ("kslib.extract.document", "to_arrow", "Arrow tables of the rows"),
    ("kslib.structure.tokens", "words_and_counts", "terms table and word counts"),
    ("kslib.extract.themes", "hits_table", "themes table"),
)


def _timed(fn, totals: dict, calls: dict, label: str):
    clock = time.process_time

    def wrapper(*args, **kwargs):
        start = clock()
        try:
            return fn(*args, **kwargs)
        finally:
            totals[label] += clock() - start
            calls[label] += 1

    return wrapper


def stage_times(folder: Path, docs: int) -> dict:
    """{"articles", "parse_s", "stages": [(label, seconds)], "calls": {label: calls},
    "floors": [(label, seconds)]}. A stage that is no longer where `STAGES` says is called
    0 times (the test suite checks that each is called)."""
    import importlib

    from kslib.config import CHUNK_DOCS
    from kslib.extract import document
    from kslib.read.files import content_hash
    from kslib.structure.tokens import _PLAIN_PIECE, _SENTINEL

    files = sorted(Path(folder).glob("*.txt"))[:docs]
    items = [(content_hash(raw), raw) for raw in (p.read_bytes() for p in files)]
    document.warm_up()
    totals: dict[str, float] = collections.defaultdict(float)
    calls: dict[str, int] = collections.Counter()
    for module, name, label in STAGES:
        mod = importlib.import_module(module)
        setattr(mod, name, _timed(getattr(mod, name), totals, calls, label))
    start = time.process_time()
    for i in range(0, len(items), CHUNK_DOCS):
        document.parse_many(items[i : i + CHUNK_DOCS])
    parse = time.process_time() - start
    stages = [(label, totals[label]) for _, _, label in STAGES]
    # the stages never call one another: what they leave is building rows and merging chunks
    stages.append(("the rest (rows, merging, chunk set-up)", parse - sum(s for _, s in stages)))

    texts = [raw.decode("utf-8", "replace") for _, raw in items]
    start = time.process_time()
    for text in texts:
        collections.Counter(text.lower().split())
    naive = time.process_time() - start
    paragraphs = [p for text in texts for p in text.split("\n") if p.strip()]
    start = time.process_time()
    for p in paragraphs:
        _PLAIN_PIECE.findall(p + _SENTINEL)
    pieces = time.process_time() - start
    return {"articles": len(items), "parse_s": round(parse, 3), "stages": [(k, round(v, 3)) for k, v in stages],
            "calls": {label: calls[label] for _, _, label in STAGES},
            "floors": [("naive count: lower, split, Counter", round(naive, 3)),
                       ("the tokeniser's regular expression, one pass", round(pieces, 3))]}


def print_table(r: dict) -> None:
    n, parse = r["articles"], r["parse_s"]
    print(f"where one process's parse of {n:,} articles goes ({parse:.2f} s of CPU, "
          f"{parse / n * 1e6:,.0f} µs an article):")
    for label, seconds in sorted(r["stages"], key=lambda s: -s[1]):
        print(f"  {label:<42} {seconds:>7.2f} s {seconds / parse * 100:>5.1f} % {seconds / n * 1e6:>7,.0f} µs")
    print("floors on the same texts:")
    for label, seconds in r["floors"]:
        print(f"  {label:<42} {seconds:>7.2f} s {seconds / parse * 100:>5.1f} % {seconds / n * 1e6:>7,.0f} µs")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--docs", type=int, default=2000, help="articles to parse (the first, by name)")
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    args = parser.parse_args()
    if not args.folder.is_dir():
        sys.exit(f"stages.py: {args.folder} is not a folder")
    result = stage_times(args.folder, args.docs)
    if args.json:
        print(json.dumps(result))
    else:
        print_table(result)


if __name__ == "__main__":
    main()
