"""Reading speed by file type: `make bench` runs it after bench.py.

The same synthetic articles (`benchmarks/corpus.py`'s `Writer`, as bench.py's) are written as plain text, as web
pages shaped like ks.no and as PDFs with a text layer (the writers of the format tests,
tests/read/make_formats.py), and `kslib extract` parses each folder cold (no cache),
in separate processes. Reports seconds per file and the ratio to plain text; speed goals
live here, never in the test suite.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.bench import RESULTS, WORK, compile_kslib, extract  # noqa: E402
from benchmarks.corpus import Writer  # noqa: E402
from tests.read.make_formats import ks_page, pdf_file  # noqa: E402


def write_folders(n_html: int, n_pdf: int, seed: int = 20261202) -> dict[str, Path]:
    writer = Writer(seed)
    folders = {kind: WORK / f"formats-{kind}" for kind in ("txt", "html", "pdf")}
    for folder in folders.values():
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
    for i in range(max(n_html, n_pdf)):
        text = writer.article(i)
        blocks = [b for b in text.split("\n\n") if b.strip()]
        title, rest = f"Artikkel {i} om kommunene", blocks
        if i < n_html:
            (folders["txt"] / f"{i:05d}.txt").write_text("\n\n".join([title, *rest]), encoding="utf-8")
            (folders["html"] / f"{i:05d}.html").write_text(ks_page(title, rest), encoding="utf-8")
        if i < n_pdf:
            pdf_file(folders["pdf"] / f"{i:05d}.pdf", title, rest)
    return folders


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--html", type=int, default=1000, help="web pages (and text files) to read")
    parser.add_argument("--pdf", type=int, default=100, help="PDFs to read")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    compile_kslib()
    folders = write_folders(args.html, args.pdf)
    counts = {"txt": args.html, "html": args.html, "pdf": args.pdf}
    rows = []
    tmp = WORK / "tmp-formats"
    for kind, folder in folders.items():
        times = []
        for _ in range(args.runs):
            shutil.rmtree(tmp, ignore_errors=True)
            seconds, _ = extract(folder, tmp / "out", tmp / "cache", ("--jobs", "1"))
            times.append(seconds)
        rows.append({"type": kind, "files": counts[kind], "cold_s": round(statistics.median(times), 2),
                     "ms_per_file": round(1000 * statistics.median(times) / counts[kind], 1)})
    shutil.rmtree(tmp, ignore_errors=True)
    per_txt = rows[0]["ms_per_file"]
    print(f"{'type':>5} {'files':>6} {'cold s':>7} {'ms/file':>8} {'x text':>7}")
    for r in rows:
        r["ratio_to_txt"] = round(r["ms_per_file"] / per_txt, 1)
        print(f"{r['type']:>5} {r['files']:>6} {r['cold_s']:>7} {r['ms_per_file']:>8} {r['ratio_to_txt']:>7}")
    RESULTS.mkdir(parents=True, exist_ok=True)
    out = RESULTS / f"bench-formats-{time.strftime('%Y%m%d-%H%M%S')}.json"
    out.write_text(json.dumps(rows, indent=1), encoding="utf-8")
    print(f"-> {out}")


if __name__ == "__main__":
    main()
