"""One style and one writer for every figure.

    >>> ax = figures.plot_bar(counts, title="Artikler per fylke", xlabel="Artikler")
    >>> figures.save(ax.figure, "03-artikler-per-fylke", data=counts)

`save` is the only function that writes figures: PNG (200 dpi) and SVG, plus a
CSV of the data behind the chart ("show your work"), and PDF when asked, all
under stable names so reports that link them survive a rerun. `plot_*`
functions return a matplotlib Axes and never save or show.
"""

from __future__ import annotations

import os
import textwrap
from pathlib import Path

from kslib import config
from kslib.schema import GROUP_LABELS

STYLE = config.PACKAGE_DIR / "styles" / "kslib.mplstyle"
#: Colours by role group, used wherever role groups are drawn.
GROUP_COLOURS = {"KS": "#1f4e79", "elected": "#c55a11", "administration": "#548235", "other": "#7f7f7f"}


def use_style() -> None:
    """Apply the house style to matplotlib (called by every plot function)."""
    import matplotlib

    if not os.environ.get("DISPLAY") and "inline" not in matplotlib.get_backend().lower():
        matplotlib.use("Agg", force=False)
    import matplotlib.pyplot as plt

    plt.style.use(str(STYLE))


def figure_dir(out_dir=None) -> Path:
    """Where figures go: `out_dir`, else $KSLIB_FIGURES, else the project's figures/.

    $KSLIB_FIGURES_REDIRECT, when set, wins over everything: the test suite uses it so
    that running the notebooks never rewrites the committed figures."""
    forced = os.environ.get("KSLIB_FIGURES_REDIRECT")
    return Path(forced or out_dir or os.environ.get("KSLIB_FIGURES") or config.FIGURES_DIR)


def save(fig, name: str, *, data=None, out_dir=None, pdf: bool = False, close: bool = False) -> list[Path]:
    """Write `fig` as `<out_dir>/<name>.png` and `.svg` (and `.pdf`), and `data` as `<name>.csv`.

    `name` is `<notebook number>-<slug>`, e.g. `03-artikler-per-fylke`. The figure
    stays open so a notebook still shows it (`close=True` in scripts).
    Returns the paths written.
    """
    import matplotlib.pyplot as plt
    import pandas as pd

    out = figure_dir(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    paths = [out / f"{name}.png", out / f"{name}.svg"] + ([out / f"{name}.pdf"] if pdf else [])
    for path in paths:
        meta = {"Date": None} if path.suffix in (".svg", ".pdf") else {}
        if path.suffix == ".png":
            meta = {"Software": None}
        fig.savefig(path, metadata=meta)
    if data is not None:
        frame = data if isinstance(data, pd.DataFrame) else pd.DataFrame(data)
        from kslib._engine.writer import write_csv

        csv = out / f"{name}.csv"  # cells a spreadsheet would run as formulas are neutralised
        write_csv(frame, csv, index=not isinstance(frame.index, pd.RangeIndex))
        paths.append(csv)
    if close:
        plt.close(fig)
    return paths


def _wrap(label, width=28) -> str:
    return "\n".join(textwrap.wrap(str(label), width, break_long_words=False, break_on_hyphens=False)) or str(label)


def plot_bar(series, *, title: str, xlabel: str = "", ylabel: str = "", color=None, ax=None, annotate=True):
    """Horizontal bar chart of a Series (index = labels), largest on top."""
    import matplotlib.pyplot as plt

    use_style()
    series = series.sort_values(ascending=True)
    if ax is None:
        _, ax = plt.subplots(figsize=(8, max(2.5, 0.35 * len(series) + 1.2)))
    ax.barh([_wrap(i) for i in series.index], series.values, color=color or "#1f4e79")
    if len(series) and all(float(v).is_integer() for v in series.values):
        from matplotlib.ticker import MaxNLocator

        ax.xaxis.set_major_locator(MaxNLocator(integer=True))  # counts: no 0.2, 0.4 ticks
    ax.set_title(title)
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    if annotate and len(series):
        top = series.max() or 1
        for y, v in enumerate(series.values):
            ax.text(v + top * 0.01, y, f"{v:,.0f}" if float(v).is_integer() else f"{v:.2f}", va="center",
                    fontsize=9)
    if not len(series):
        ax.text(0.5, 0.5, "Ingen data", ha="center", va="center", transform=ax.transAxes)
    return ax


def plot_stacked(frame, *, title: str, xlabel: str = "", colors=None, ax=None):
    """Horizontal stacked bars: one bar per row, one segment per column."""
    import matplotlib.pyplot as plt

    use_style()
    if ax is None:
        _, ax = plt.subplots(figsize=(8, max(2.5, 0.4 * len(frame) + 1.5)))
    left = None
    for col in frame.columns:
        vals = frame[col].fillna(0).values
        ax.barh([_wrap(i) for i in frame.index], vals, left=left, label=GROUP_LABELS.get(col, col),
                color=(colors or {}).get(col))
        left = vals if left is None else left + vals
    ax.set_title(title)
    ax.set_xlabel(xlabel)
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.18), ncol=len(frame.columns), fontsize=9)
    return ax


def plot_heatmap(frame, *, title: str, xlabel: str = "", ylabel: str = "", cmap="Blues", ax=None, fmt="{:.0f}"):
    """Heatmap of a frame (rows x columns) with the values written in the cells."""
    import matplotlib.pyplot as plt
    import numpy as np

    use_style()
    if ax is None:
        _, ax = plt.subplots(figsize=(max(6, 0.6 * frame.shape[1] + 3), max(3, 0.4 * frame.shape[0] + 1.5)))
    values = frame.to_numpy(dtype=float) if frame.size else np.zeros((1, 1))
    im = ax.imshow(values, aspect="auto", cmap=cmap)
    ax.set_xticks(range(frame.shape[1]), [_wrap(c, 16) for c in frame.columns], rotation=45, ha="right",
                  fontsize=9)
    ax.set_yticks(range(frame.shape[0]), [_wrap(i, 40) for i in frame.index], fontsize=9)
    ax.grid(False)
    top = np.nanmax(values) if values.size else 0
    for (r, c), v in np.ndenumerate(values):
        if v:
            ax.text(c, r, fmt.format(v), ha="center", va="center", fontsize=8,
                    color="white" if v > top * 0.6 else "black")
    ax.set_title(title)
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    ax.figure.colorbar(im, ax=ax, shrink=0.8)
    return ax


def plot_hist(values, *, title: str, xlabel: str, ylabel: str = "Antall", bins=20, ax=None):
    """Histogram of numbers (e.g. article length)."""
    import matplotlib.pyplot as plt

    use_style()
    if ax is None:
        _, ax = plt.subplots()
    ax.hist(list(values), bins=bins, color="#1f4e79", edgecolor="white")
    ax.set_title(title)
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    ax.grid(axis="y")
    return ax


def plot_wordcloud(frequencies: dict, *, title: str, ax=None, max_words: int = 120):
    """Word cloud from {word: frequency} in the house colours."""
    import matplotlib.pyplot as plt
    from wordcloud import WordCloud

    use_style()
    if ax is None:
        _, ax = plt.subplots(figsize=(9, 5))
    ax.set_title(title)
    ax.axis("off")
    frequencies = {k: float(v) for k, v in frequencies.items() if v > 0}
    if not frequencies:
        ax.text(0.5, 0.5, "Ingen ord", ha="center", va="center", transform=ax.transAxes)
        return ax
    palette = ["#1f4e79", "#c55a11", "#548235", "#7f6000", "#2e75b6"]
    cloud = WordCloud(width=1400, height=780, background_color="white", max_words=max_words, random_state=42,
                      prefer_horizontal=0.95, collocations=False,
                      color_func=lambda word, **kw: palette[sum(map(ord, word)) % len(palette)])
    cloud.generate_from_frequencies(frequencies)
    ax.imshow(cloud, interpolation="bilinear")
    return ax


def plot_network(graph, *, title: str, ax=None):
    """A co-occurrence network (networkx Graph with `weight` on edges, `group` on nodes)."""
    import matplotlib.pyplot as plt
    import networkx as nx

    use_style()
    if ax is None:
        _, ax = plt.subplots(figsize=(9, 7))
    ax.set_title(title)
    ax.axis("off")
    if graph.number_of_nodes() == 0:
        ax.text(0.5, 0.5, "Ingen par av siterte personer i samme artikkel", ha="center", va="center",
                transform=ax.transAxes)
        return ax
    pos = nx.kamada_kawai_layout(graph) if nx.is_connected(graph) else nx.spring_layout(graph, seed=42, k=0.9)
    colours = [GROUP_COLOURS.get(graph.nodes[n].get("group"), "#7f7f7f") for n in graph.nodes]
    sizes = [200 + 120 * graph.nodes[n].get("quotes", 1) for n in graph.nodes]
    widths = [0.8 + graph.edges[e].get("weight", 1) for e in graph.edges]
    nx.draw_networkx_edges(graph, pos, ax=ax, width=widths, edge_color="#bbbbbb")
    nx.draw_networkx_nodes(graph, pos, ax=ax, node_color=colours, node_size=sizes)
    # names just below their node, on a white ground so that they stay readable
    below = {n: (x, y - 0.07) for n, (x, y) in pos.items()}
    nx.draw_networkx_labels(graph, below, ax=ax, font_size=8, verticalalignment="top",
                            bbox={"facecolor": "white", "edgecolor": "none", "alpha": 0.8, "pad": 1})
    ax.margins(0.12)
    return ax


def plot_wordclouds(groups: dict, *, title: str, max_words: int = 60):
    """A grid of word clouds, one per group ({group: {word: count}}). Returns the Figure."""
    import math

    import matplotlib.pyplot as plt

    use_style()
    n = max(1, len(groups))
    cols = 2 if n > 1 else 1
    rows = math.ceil(n / cols)
    fig, axes = plt.subplots(rows, cols, figsize=(6 * cols, 3.6 * rows), squeeze=False)
    for ax, (group, freqs) in zip(axes.ravel(), groups.items()):
        plot_wordcloud(freqs, title=str(group), ax=ax, max_words=max_words)
    for ax in axes.ravel()[len(groups):]:
        ax.axis("off")
    fig.suptitle(title, fontweight="bold", x=0.01, ha="left")
    return fig


def plot_trend(counts, *, title: str, value: str = "articles", by: str | None = None, ylabel: str = "Antall",
               ax=None):
    """Counts over periods (from `metadata.count_by_period`), one line per group when `by` is given."""
    import matplotlib.pyplot as plt

    use_style()
    if ax is None:
        _, ax = plt.subplots()
    if counts.empty:
        ax.text(0.5, 0.5, "Ingen datoer eller årstall", ha="center", va="center", transform=ax.transAxes)
    elif by:
        groups = list(counts.groupby(by, observed=True))
        colours = plt.get_cmap("tab20").colors if len(groups) > 8 else [None] * len(groups)
        for (group, g), colour in zip(groups, colours):
            ax.plot(g["period"], g[value], marker="o", label=GROUP_LABELS.get(group, group), color=colour)
        ax.legend(fontsize=9, loc="upper left", bbox_to_anchor=(1.0, 1.0))
    else:
        ax.plot(counts["period"], counts[value], marker="o", color="#1f4e79")
    ax.set_title(title)
    ax.set_ylabel(ylabel)
    ax.grid(axis="y")
    return ax
