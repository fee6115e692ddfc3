"""`kslib report`: run every notebook on a folder, collect figures and one HTML report.

Each notebook in `notebooks/` is executed with papermill, with `DATA_DIR` and
`OUT_DIR` injected into its `parameters` cell. Executed notebooks go to
`OUT/notebooks/`, figures to `OUT/figures/` (or `--figures`), and all notebooks
together, without code, to `OUT/report.html` (see `report/html.py`), which opens
offline. With `pdf=True` the report is also printed to `OUT/report.pdf` and every
figure is written as PDF too. A failing notebook is reported with its cell and error;
the others still run and the report still gets written.
"""

from __future__ import annotations

import os
import subprocess
import time
from pathlib import Path

from kslib import config, norwegian
from kslib.report.html import print_pdf, write_html


def notebooks(folder: Path | None = None) -> list[Path]:
    """The analysis notebooks in order (`NN-*.ipynb`)."""
    folder = folder or config.NOTEBOOKS_DIR
    return sorted(p for p in Path(folder).glob("[0-9][0-9]-*.ipynb"))


def run_report(data_dir: Path, out_dir: Path, *, figures_dir: Path | None = None,
               notebook_dir: Path | None = None, pdf: bool = False, svg_text_as_paths: bool = False,
               progress=print) -> int:
    """Run the notebooks on `data_dir`; returns 0 when all ran, 1 when some failed."""
    import warnings

    from kslib._engine.assemble import CorpusError
    from kslib.corpus import load_corpus

    data_dir, out_dir = Path(data_dir).resolve(), Path(out_dir).resolve()
    figures_dir = Path(figures_dir).resolve() if figures_dir else out_dir / "figures"
    if pdf:
        from kslib.report.html import NO_CHROMIUM, find_chromium

        if find_chromium() is None:  # say so before minutes of work, not after
            raise RuntimeError(NO_CHROMIUM)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        corpus = load_corpus(data_dir, progress=False)  # parses once; the notebooks then read the cache
    if corpus.articles.empty:
        reasons = "; ".join(f"{r.file}: {r.reason}" for r in corpus.rejected.head(5).itertuples())
        raise CorpusError(f"All {len(corpus.rejected)} files in {data_dir} were rejected ({reasons})")
    progress(parse_summary(corpus))
    nb_out = out_dir / "notebooks"
    nb_out.mkdir(parents=True, exist_ok=True)
    figures_dir.mkdir(parents=True, exist_ok=True)
    books = notebooks(notebook_dir)
    saved = dict(os.environ)
    os.environ.pop("KSLIB_FIGURES_REDIRECT", None)  # the report decides where its figures go
    os.environ["KSLIB_PDF"] = "1" if pdf else ""
    os.environ["KSLIB_SVG_TEXT"] = "path" if svg_text_as_paths else ""
    try:
        failures, executed = _run_all(books, data_dir, figures_dir, nb_out, progress)
    finally:
        os.environ.clear()
        os.environ.update(saved)
    html = write_html(executed, out_dir / "report.html", title=f"KS-artikler: {data_dir.name}",
                      cover=cover_facts(corpus, data_dir))
    progress(f"Rapport: {html}")
    if pdf:
        progress(f"PDF: {print_pdf(html, out_dir / 'report.pdf')}")
    progress(f"Figurer: {figures_dir}")
    if failures:
        progress(f"{len(failures)} notatbok(er) feilet: {', '.join(failures)} (se de kjørte notatbøkene i {nb_out})")
    return 1 if failures else 0


def parse_summary(corpus) -> str:
    """`11 filer: 1 ny, 10 fra hurtigbufferen` (and the rejected files), so a rerun after one
    new file does not look like a full run."""
    new, cached = corpus.n_parsed, corpus.n_files - corpus.n_parsed - len(corpus.rejected)
    parts = [f"{norwegian.number(new)} {'ny' if new == 1 else 'nye'}",
             f"{norwegian.number(cached)} fra hurtigbufferen"]
    if len(corpus.rejected):
        parts.append(f"{norwegian.number(len(corpus.rejected))} avvist (se tabellen over avviste filer)")
    return f"{norwegian.number(corpus.n_files)} filer: " + ", ".join(parts)


def cover_facts(corpus, data_dir: Path) -> dict:
    """What the report's cover says: folder, articles, period, when, version, key numbers."""
    import datetime

    import kslib
    from kslib.count.describe import key_numbers

    a = corpus.articles
    years = a["year"].dropna()
    period = norwegian.span(years)
    if len(years) < len(a):
        period += f" ({norwegian.count(len(a) - len(years), 'artikkel', 'artikler')} uten kjent år)"
    now = datetime.datetime.now()
    numbers = key_numbers(corpus)["Antall"]
    return {"folder": data_dir.name, "articles": norwegian.number(len(a)), "period": period,
            "made": f"{norwegian.date(now)} kl. {now:%H.%M}", "version": kslib.__version__,
            "numbers": list(numbers.items())}


def _quiet_kernels():
    """A kernel manager whose kernels' own stderr (start-up and shutdown noise such as
    `KeyboardInterrupt caught in kernel`) is dropped; what cells print stays in the notebook."""
    from jupyter_client.manager import AsyncKernelManager

    class QuietKernelManager(AsyncKernelManager):
        async def start_kernel(self, **kw):
            kw.setdefault("stderr", subprocess.DEVNULL)
            kw.setdefault("stdout", subprocess.DEVNULL)
            return await super().start_kernel(**kw)

    return QuietKernelManager


def _run_all(books, data_dir, figures_dir, nb_out, progress):
    import papermill as pm

    failures, executed = [], []
    manager = _quiet_kernels()
    for i, book in enumerate(books, 1):
        start = time.perf_counter()
        target = nb_out / book.name
        progress(f"[{i}/{len(books)}] {book.stem} …")
        try:
            pm.execute_notebook(str(book), str(target), parameters={"DATA_DIR": str(data_dir),
                                                                    "OUT_DIR": str(figures_dir)},
                                cwd=str(book.parent), progress_bar=False, kernel_name="python3",
                                log_output=False, kernel_manager_class=manager,
                                extra_arguments=["--IPKernelApp.log_level=CRITICAL"])
            seconds = norwegian.number(time.perf_counter() - start, 1)
            progress(f"[{i}/{len(books)}] {book.stem}: ok ({seconds} s)")
        except pm.PapermillExecutionError as exc:
            failures.append(book.stem)
            progress(f"[{i}/{len(books)}] {book.stem}: FAILED in cell {exc.exec_count}: {exc.ename}: {exc.evalue}")
        except Exception as exc:  # a kernel that died, a broken notebook file: report it and go on
            failures.append(book.stem)
            progress(f"[{i}/{len(books)}] {book.stem}: FAILED: {type(exc).__name__}: {exc}")
        if target.exists():
            executed.append(target)
    return failures, executed
