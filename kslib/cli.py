"""Command line: `kslib extract | evaluate | report` (also `python -m kslib`).

Imports stay inside the commands so `--help` and small reruns start fast.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path


def _add_cache_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--cache", metavar="DIR", help="cache folder (default: data/interim/ for the project's "
                   "own data, else a per-user cache; env KSLIB_CACHE also sets it)")
    p.add_argument("--no-cache", action="store_true", help="parse every file again and keep nothing")
    p.add_argument("--max-size", type=_megabytes, default=None, metavar="MB",
                   help="reject files larger than this many MiB (default 5, as in the notebooks)")
    p.add_argument("--jobs", type=int, default=None, metavar="N",
                   help="processes for parsing (default: all cores for large folders)")


def _megabytes(value: str) -> float:
    import math

    try:
        number = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a number of MiB") from None
    if not math.isfinite(number) or number <= 0:
        raise argparse.ArgumentTypeError(f"{value!r} is not a positive number of MiB")
    return number


def _max_bytes(args) -> int:
    from kslib.config import DEFAULT_MAX_BYTES

    return DEFAULT_MAX_BYTES if args.max_size is None else int(args.max_size * 2**20)


def _cache_arg(args) -> bool | str:
    if args.no_cache:
        return False
    return args.cache or True


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="kslib", description="Analyse a folder of KS news articles (text, web pages, Word or PDF files, one article per file)."
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    ex = sub.add_parser("extract", help="parse a folder and write every table as parquet (and CSV)",
                        description="Parse every article file (.txt, .md, .html, .docx, .pdf) below DATA_DIR and write each table "
                        "(articles, paragraphs, sentences, quotes, people, speakers, places, terms, themes, "
                        "rejected) as OUT_DIR/<name>.parquet.")
    ex.add_argument("data_dir", metavar="DATA_DIR", help="folder of article files (searched recursively)")
    ex.add_argument("--out", metavar="OUT_DIR", default="data/processed", help="where to write the tables "
                    "(default data/processed)")
    ex.add_argument("--csv", action="store_true", help="also write <name>.csv for spreadsheet users")
    ex.add_argument("--engine", choices=["local", "dask"], default="local",
                    help="local (default) or dask for a cluster (needs the [dask] extra)")
    ex.add_argument("--scheduler", metavar="ADDRESS", help="Dask scheduler address (default: a LocalCluster)")
    ex.add_argument("--quiet", action="store_true", help="print nothing but errors")
    _add_cache_options(ex)

    ev = sub.add_parser("evaluate", help="compare the extraction with hand annotations (gold JSON)",
                        description="Compare what kslib extracts from DATA_DIR with a gold file in the "
                        "format of GUIDELINE.md and print precision, recall and F1 per measure.")
    ev.add_argument("data_dir", metavar="DATA_DIR")
    ev.add_argument("gold", metavar="GOLD_JSON")
    ev.add_argument("--json", action="store_true", help="print one JSON object instead of a table")
    ev.add_argument("--errors", action="store_true", help="list the disagreements per article")
    _add_cache_options(ev)

    rp = sub.add_parser("report", help="run every notebook on a folder and write figures and report.html",
                        description="Execute every notebook in notebooks/ on DATA_DIR, write figures to "
                        "OUT_DIR/figures, executed notebooks to OUT_DIR/notebooks and OUT_DIR/report.html.")
    rp.add_argument("data_dir", metavar="DATA_DIR")
    rp.add_argument("--out", metavar="OUT_DIR", default="reports")
    rp.add_argument("--figures", metavar="DIR", help="write figures here instead of OUT_DIR/figures")
    rp.add_argument("--pdf", action="store_true", help="also write OUT_DIR/report.pdf and a PDF of every figure "
                    "(needs Chromium)")
    rp.add_argument("--svg-text-as-paths", action="store_true", help="write the SVGs' text as outlines, so they "
                    "look the same on a machine without the font (the text can then not be edited)")
    return parser


def _fail(message: str) -> int:
    print(f"kslib: {message}", file=sys.stderr)
    return 2


def cmd_extract(args) -> int:
    from kslib._engine.assemble import CorpusError

    out = Path(args.out)
    progress = None if not args.quiet else False
    try:
        if args.engine == "dask":
            from kslib._engine.writer import check_out, write_tables
            from kslib.corpus import load_corpus

            check_out(out)  # before the work, not after
            corpus = load_corpus(args.data_dir, cache=_cache_arg(args), max_bytes=_max_bytes(args),
                                 jobs=args.jobs, progress=progress, engine="dask", scheduler=args.scheduler)
            tables = corpus.tables()
            write_tables(tables, out, csv=args.csv, partitioned=True)
            counts = {name: len(df) for name, df in tables.items()} | {"files": corpus.n_files}
        else:
            from kslib._engine.stream import extract_folder

            counts = extract_folder(args.data_dir, out, cache=_cache_arg(args), max_bytes=_max_bytes(args),
                                    jobs=args.jobs, progress=progress, csv=args.csv)
    except (CorpusError, RuntimeError) as exc:
        return _fail(str(exc))
    if not args.quiet:
        files = counts.pop("files")
        print(f"{files:,} files: {counts['articles']:,} articles, {counts['rejected']:,} rejected")
        print("  " + ", ".join(f"{name} {n:,}" for name, n in counts.items()))
        print(f"Wrote {len(counts)} tables to {out}/")
    return 0


def cmd_evaluate(args) -> int:
    import json

    from kslib._engine.assemble import CorpusError
    from kslib.corpus import load_corpus
    from kslib.count.evaluate import evaluate, format_errors, format_scores

    try:
        gold_path = Path(args.gold)
        if not gold_path.is_file():
            return _fail(f"Gold file not found: {gold_path}")
        try:
            gold = json.loads(gold_path.read_text(encoding="utf-8"))
        except (UnicodeDecodeError, ValueError) as exc:
            return _fail(f"the gold file {gold_path} is not valid JSON ({exc})")
        corpus = load_corpus(args.data_dir, cache=_cache_arg(args), max_bytes=_max_bytes(args), jobs=args.jobs)
    except CorpusError as exc:
        return _fail(str(exc))
    try:
        result = evaluate(corpus, gold)
    except (KeyError, TypeError, AttributeError, ValueError) as exc:
        return _fail(f"the gold file {gold_path} is not in the format of GUIDELINE.md ({type(exc).__name__}: {exc})")
    if args.json:
        print(json.dumps(result.scores, ensure_ascii=False, indent=1))
    else:
        print(format_scores(result))
    if args.errors:
        print(format_errors(result.errors))
    return 0


def cmd_report(args) -> int:
    from kslib._engine.assemble import CorpusError
    from kslib.report.notebooks import run_report

    try:
        return run_report(Path(args.data_dir), Path(args.out),
                          figures_dir=Path(args.figures) if args.figures else None, pdf=args.pdf,
                          svg_text_as_paths=args.svg_text_as_paths)
    except (CorpusError, RuntimeError) as exc:
        return _fail(str(exc))


def _path_error(exc: OSError) -> str:
    """An `OSError` as one sentence that names its path."""
    from kslib.read.files import display_name

    where = exc.filename if exc.filename is not None else ""
    if exc.strerror and where:
        return f"cannot use {display_name(os.fsdecode(where))}: {exc.strerror}"
    return str(exc)


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    import warnings

    warnings.filterwarnings("ignore", message="kslib: rejected")  # the summary lists them
    from kslib._engine.signals import graceful_exit

    try:
        with graceful_exit():
            return {"extract": cmd_extract, "evaluate": cmd_evaluate, "report": cmd_report}[args.command](args)
    except OSError as exc:  # a path that cannot be read or written: one sentence, no traceback
        return _fail(_path_error(exc))
    except KeyboardInterrupt:
        print("kslib: stopped", file=sys.stderr)
        return 130


def run() -> None:
    """The `kslib` command: `main`, then exit.

    After `kslib extract` (local engine) every file is written and closed and every worker
    process has ended, so the process exits at once: tearing down pandas, pyarrow and the
    rest would take 0.07 s, a tenth of a rerun after one new file."""
    argv = sys.argv[1:]
    code = main(argv)
    if argv[:1] == ["extract"] and not any(a == "dask" or a.endswith("=dask") for a in argv):
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)
    sys.exit(code)


if __name__ == "__main__":  # pragma: no cover
    run()
