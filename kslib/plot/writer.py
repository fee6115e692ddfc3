"""The one writer of figures, and the one style.

    >>> ax = ks.plot_bar(counts, title="Artikler per fylke", xlabel="Artikler")
    >>> ks.save_figure(ax, "03-artikler-per-fylke", corpus=corpus)

`save` writes PNG (200 dpi, for slides) and SVG (for print), and PDF when asked
(`pdf=True`, or `kslib report --pdf`), under stable names, and beside them the CSV of
exactly what the chart shows: every `plot_*` function keeps the table it drew on its
figure (`plotted`), and `save` writes that table, so the CSV cannot differ from the
chart. Every figure gets a footer line with its basis ("KS-artikler i «seeds» · 5
artikler · 2021–2024 · 17 sitater · kslib 0.2.0"), so a pasted PNG keeps its context.
Files carry no date: a rerun writes the same bytes.
"""

from __future__ import annotations

import os
from pathlib import Path

from kslib import config, norwegian

STYLE = config.PACKAGE_DIR / "styles" / "kslib.mplstyle"
_PLOTTED = "_kslib_plotted"


def use_style() -> None:
    """Apply the house style to matplotlib (called by every plot function)."""
    import matplotlib

    if not os.environ.get("DISPLAY") and "inline" not in matplotlib.get_backend().lower():
        matplotlib.use("Agg", force=False)
    import matplotlib.pyplot as plt

    plt.style.use(str(STYLE))


def keep(ax_or_fig, table):
    """Remember on the figure the table a chart drew (called by every `plot_*`)."""
    fig = getattr(ax_or_fig, "figure", ax_or_fig)
    setattr(fig, _PLOTTED, table)
    return ax_or_fig


def plotted(ax_or_fig):
    """The table a `plot_*` function drew on this figure, or None."""
    return getattr(getattr(ax_or_fig, "figure", ax_or_fig), _PLOTTED, None)


def figure_dir(out_dir=None) -> Path:
    """Where figures go: `out_dir`, else $KSLIB_FIGURES, else the project's figures/.

    $KSLIB_FIGURES_REDIRECT, when set, wins over everything: the test suite uses it so
    that running the notebooks never rewrites the committed figures."""
    forced = os.environ.get("KSLIB_FIGURES_REDIRECT")
    return Path(forced or out_dir or os.environ.get("KSLIB_FIGURES") or config.FIGURES_DIR)


def footer_text(corpus=None, n: str | None = None) -> str:
    """The basis of a figure in one line: source, articles, period, what it counts, version."""
    import kslib

    parts = []
    if corpus is not None:
        a = corpus.articles
        folder = Path(corpus.root).name if getattr(corpus, "root", None) else ""
        parts.append(f"KS-artikler i «{folder}»" if folder else "KS-artikler")
        parts.append(norwegian.count(len(a), 'artikkel', 'artikler'))
        years = a["year"].dropna()
        if len(years):
            parts.append(norwegian.span(years))
    if n:
        parts.append(n)
    parts.append(f"kslib {kslib.__version__}")
    return " · ".join(parts)


def save(fig, name: str, *, corpus=None, n: str | None = None, data=None, out_dir=None, pdf: bool | None = None,
         close: bool = False) -> list[Path]:
    """Write `fig` (a Figure or an Axes) as `<out_dir>/<name>.png` and `.svg` (and `.pdf`), with
    a footer from `corpus` and `n` (what the figure counts, e.g. "17 sitater"), and the table
    it plots as `<name>.csv`.

    `name` is `<notebook number>-<slug>`, e.g. `03-artikler-per-fylke`. `data` is for a
    figure drawn by hand; a figure from a `plot_*` function saves the table it drew, and
    `data` then raises. `pdf` None follows `kslib report --pdf` ($KSLIB_PDF);
    $KSLIB_SVG_TEXT=path writes SVG text as outlines. The figure stays open so a notebook
    still shows it (`close=True` in scripts). Returns the paths written.
    """
    import matplotlib.pyplot as plt
    import pandas as pd

    fig = getattr(fig, "figure", fig)
    table = plotted(fig)
    if table is not None and data is not None:
        raise ValueError(f"{name}: this figure saves the table it plots; leave out data=")
    table = data if table is None else table
    out = figure_dir(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    if pdf is None:
        pdf = os.environ.get("KSLIB_PDF") == "1"
    if not getattr(fig, "_kslib_footer", None):
        fig._kslib_footer = fig.text(0.0, -0.01, footer_text(corpus, n), ha="left", va="top", fontsize=7.5,
                                     color="#595959", transform=fig.transFigure)
    paths = [out / f"{name}.png", out / f"{name}.svg"] + ([out / f"{name}.pdf"] if pdf else [])
    text_as = "path" if os.environ.get("KSLIB_SVG_TEXT") == "path" else "none"
    for path in paths:
        meta = {"Software": None} if path.suffix == ".png" else {"Date": None}
        if path.suffix == ".pdf":
            meta = {"CreationDate": None, "Creator": "kslib"}
        with plt.rc_context({"svg.fonttype": text_as, "pdf.fonttype": 42}):
            fig.savefig(path, metadata=meta)
    if table is not None:
        frame = table if isinstance(table, pd.DataFrame) else pd.DataFrame(table)
        from kslib._engine.writer import write_csv

        csv = out / f"{name}.csv"  # cells a spreadsheet would run as formulas are neutralised
        # floats to 6 significant digits: what a chart can show, and the same bytes on every rerun
        write_csv(frame, csv, index=not isinstance(frame.index, pd.RangeIndex), float_format="%.6g")
        paths.append(csv)
    if close:
        plt.close(fig)
    return paths
