"""`kslib report`: run every notebook on a folder, collect figures and one HTML report.

Each notebook in `notebooks/` is executed with papermill, with `DATA_DIR` and
`OUT_DIR` injected into its `parameters` cell. Executed notebooks go to
`OUT/notebooks/`, figures to `OUT/figures/` (or `--figures`), and all notebooks
together, without code, to `OUT/report.html`, which opens offline (images are
embedded). A failing notebook is reported with its cell and error; the others
still run and the report still gets written.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

from kslib import config
from kslib._engine.writer import atomic_path


def notebooks(folder: Path | None = None) -> list[Path]:
    """The analysis notebooks in order (`NN-*.ipynb`)."""
    folder = folder or config.NOTEBOOKS_DIR
    return sorted(p for p in Path(folder).glob("[0-9][0-9]-*.ipynb"))


def run_report(data_dir: Path, out_dir: Path, *, figures_dir: Path | None = None,
               notebook_dir: Path | None = None, progress=print) -> int:
    """Run the notebooks on `data_dir`; returns 0 when all ran, 1 when some failed."""
    import warnings

    from kslib._engine.assemble import CorpusError
    from kslib.corpus import load_corpus

    data_dir, out_dir = Path(data_dir).resolve(), Path(out_dir).resolve()
    figures_dir = Path(figures_dir).resolve() if figures_dir else out_dir / "figures"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        corpus = load_corpus(data_dir)  # parses once; the notebooks then read the cache
    if corpus.articles.empty:
        reasons = "; ".join(f"{r.file}: {r.reason}" for r in corpus.rejected.head(5).itertuples())
        raise CorpusError(f"All {len(corpus.rejected)} files in {data_dir} were rejected ({reasons})")
    nb_out = out_dir / "notebooks"
    nb_out.mkdir(parents=True, exist_ok=True)
    figures_dir.mkdir(parents=True, exist_ok=True)
    books = notebooks(notebook_dir)
    saved = dict(os.environ)
    os.environ["KSLIB_REPORT"] = "1"  # plain tables in the report
    os.environ.pop("KSLIB_FIGURES_REDIRECT", None)  # the report decides where its figures go
    try:
        failures, executed = _run_all(books, data_dir, figures_dir, nb_out, progress)
    finally:
        os.environ.clear()
        os.environ.update(saved)
    html = write_html(executed, out_dir / "report.html", title=f"KS-artikler: {data_dir.name}")
    progress(f"Report: {html}\nFigures: {figures_dir}")
    if failures:
        progress(f"{len(failures)} notebook(s) failed: {', '.join(failures)} (see the executed notebooks in {nb_out})")
    return 1 if failures else 0


def _run_all(books, data_dir, figures_dir, nb_out, progress):
    import papermill as pm

    failures, executed = [], []
    for i, book in enumerate(books, 1):
        start = time.perf_counter()
        target = nb_out / book.name
        try:
            pm.execute_notebook(str(book), str(target), parameters={"DATA_DIR": str(data_dir),
                                                                    "OUT_DIR": str(figures_dir)},
                                cwd=str(book.parent), progress_bar=False, kernel_name="python3",
                                log_output=False, extra_arguments=["--IPKernelApp.log_level=ERROR"])
            progress(f"[{i}/{len(books)}] {book.stem}: ok ({time.perf_counter() - start:.1f} s)")
        except pm.PapermillExecutionError as exc:
            failures.append(book.stem)
            progress(f"[{i}/{len(books)}] {book.stem}: FAILED in cell {exc.exec_count}: {exc.ename}: {exc.evalue}")
        except Exception as exc:  # a kernel that died, a broken notebook file: report it and go on
            failures.append(book.stem)
            progress(f"[{i}/{len(books)}] {book.stem}: FAILED: {type(exc).__name__}: {exc}")
        if target.exists():
            executed.append(target)
    return failures, executed


def write_html(executed: list[Path], target: Path, *, title: str) -> Path:
    """All executed notebooks as one HTML page without code cells, images embedded."""
    import nbformat
    from nbconvert import HTMLExporter

    merged = nbformat.v4.new_notebook()
    merged.metadata["title"] = title
    for path in executed:
        nb = nbformat.read(path, as_version=4)
        for cell in nb.cells:
            if cell.cell_type == "code" and "parameters" in cell.metadata.get("tags", []):
                continue
            if cell.cell_type == "code" and "injected-parameters" in cell.metadata.get("tags", []):
                continue
            merged.cells.append(cell)
    exporter = HTMLExporter(template_name="lab")
    exporter.exclude_input = True
    exporter.exclude_input_prompt = True
    exporter.exclude_output_prompt = True
    for url in _CDN_TRAITS:  # nothing is loaded from outside: the report opens offline, leaks nothing
        if exporter.has_trait(url):
            setattr(exporter, url, "")
    body, _ = exporter.from_notebook_node(merged)
    body = offline_html(body)
    with atomic_path(target) as tmp:
        tmp.write_text(body, encoding="utf-8")
    return target


#: nbconvert's settings that point the page at scripts on a CDN (MathJax, require.js, mermaid ...).
_CDN_TRAITS = ("mathjax_url", "require_js_url", "mermaid_js_url", "mermaid_layout_elk_js_url", "jquery_url",
               "widget_renderer_url", "jupyter_widgets_base_url")


def offline_html(body: str) -> str:
    """The page without elements that would load anything from elsewhere: scripts and
    stylesheets with an empty or remote address are removed."""
    import re

    body = re.sub(r"<script\b[^>]*\bsrc=[\"'](?:|https?:[^\"']*|//[^\"']*)[\"'][^>]*>\s*</script>", "", body,
                  flags=re.I)
    return re.sub(r"<link\b[^>]*\bhref=[\"'](?:https?:|//)[^\"']*[\"'][^>]*>", "", body, flags=re.I)
