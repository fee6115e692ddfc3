"""Charts in one style: each `plot_*` draws a table, keeps it on its figure and returns the Axes.

    >>> ax = figures.plot_bar(counts, title="Artikler per fylke", xlabel="Artikler")
    >>> ks.save_figure(ax, "03-artikler-per-fylke", corpus=corpus)   # plot/writer.py

Numbers are written as Norwegian readers write them (`1 234`, `3,5`, `76 %`); counts
get whole-number ticks; a role group and a gender have one colour each, the same in
every chart, with a legend wherever colour carries meaning. Nothing here saves a file.
"""

from __future__ import annotations

import textwrap

from kslib import norwegian
from kslib.plot.writer import keep, use_style
from kslib.schema import GENDER_LABELS, GROUP_LABELS

#: One colour per role group, used wherever role groups are drawn (keys: codes and labels).
GROUP_COLOURS = {"KS": "#1f4e79", "elected": "#c55a11", "administration": "#548235", "other": "#8c8c8c"}
GROUP_COLOURS |= {GROUP_LABELS[k]: v for k, v in list(GROUP_COLOURS.items())}
#: One colour per gender, none shared with a role group.
GENDER_COLOURS = {"Kvinner": "#8e3b8e", "Menn": "#2a9d8f", "Ukjent": "#d0d0d0"}
GENDER_COLOURS |= {code: GENDER_COLOURS[label] for code, label in GENDER_LABELS.items() if label in GENDER_COLOURS}
#: Lines of a trend chart: eight colours a reader tells apart (Okabe and Ito's palette).
LINE_COLOURS = ["#0072b2", "#e69f00", "#009e73", "#cc79a7", "#56b4e9", "#d55e00", "#000000", "#f0e442"]
BAR = "#1f4e79"


def _wrap(label, width=28) -> str:
    return "\n".join(textwrap.wrap(str(label), width, break_long_words=False, break_on_hyphens=False)) or str(label)


def _is_counts(values) -> bool:
    return len(values) > 0 and all(float(v).is_integer() for v in values if v == v)


def norwegian_axis(axis, counts: bool) -> None:
    """Ticks with decimal commas and thin thousands; whole numbers only for counts."""
    from matplotlib.ticker import MaxNLocator

    if counts:
        axis.set_major_locator(MaxNLocator(integer=True))
    axis.set_major_formatter(_tick_formatter())


def _tick_decimals(locs) -> int:
    """The fewest decimals that write every tick exactly (at most 6): none for whole numbers,
    two for ticks 0.02 apart (one made `-0,0 0,0 0,0`), two for 0.25."""
    for decimals in range(7):
        if all(abs(round(float(x), decimals) - float(x)) < 1e-9 for x in locs):
            return decimals
    return 6


def _tick_formatter():
    """A Matplotlib formatter: Norwegian numbers with the decimals the ticks need."""
    from matplotlib.ticker import Formatter

    class TickFormatter(Formatter):
        ticks: list = []

        def set_locs(self, locs):  # called with the axis' ticks before they are written
            self.ticks = list(locs)

        def __call__(self, x, pos=None):
            return norwegian.number(x, _tick_decimals(self.ticks or [x]))

    return TickFormatter()


def _label(value, share: bool, count=None) -> str:
    text = norwegian.percent(value / 100) if share else norwegian.number(value, 0 if float(value).is_integer() else 1)
    return f"{text} ({norwegian.number(count)})" if count is not None else text


def plot_bar(series, *, title: str, xlabel: str = "", ylabel: str = "", color=None, colors=None, ax=None,
             annotate=True, counts=None, share: bool = False, order: str = "value"):
    """Horizontal bars of a Series (index = labels), largest on top (`order="index"` keeps the order).

    share: the values are per cent (labels `38 %`); counts: a Series of the counts behind
    each share, written next to it (`38 % (13)`); colors: {label: colour} (role groups, genders)."""
    import matplotlib.pyplot as plt
    import pandas as pd

    use_style()
    series = series.sort_values(ascending=True) if order == "value" else series.iloc[::-1]
    if ax is None:
        _, ax = plt.subplots(figsize=(8, max(2.5, 0.35 * len(series) + 1.2)))
    bar_colours = [(colors or {}).get(i, color or BAR) for i in series.index]
    ax.barh([_wrap(i) for i in series.index], series.values, color=bar_colours)
    norwegian_axis(ax.xaxis, counts=not share and _is_counts(series.values))
    ax.set_title(title)
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    if annotate and len(series):
        top = series.max() or 1
        for y, (key, v) in enumerate(series.items()):
            ax.text(v + top * 0.01, y, _label(v, share, None if counts is None else counts.get(key)),
                    va="center", fontsize=9)
        ax.set_xlim(0, top * 1.18)
    if not len(series):
        ax.text(0.5, 0.5, "Ingen data", ha="center", va="center", transform=ax.transAxes)
    table = pd.DataFrame({"label": series.index[::-1], "value": series.values[::-1]})
    if counts is not None:
        table["n"] = [counts.get(k) for k in series.index[::-1]]
    return keep(ax, table)


def plot_columns(series, *, title: str, ylabel: str = "", ax=None, note: str | None = None):
    """Vertical bars in the order of the index (years in time order): an index value with
    no row gets no bar, a gap, not an invented zero."""
    import matplotlib.pyplot as plt
    import pandas as pd

    use_style()
    if ax is None:
        _, ax = plt.subplots(figsize=(8, 4.2))
    labels = [str(i) for i in series.index]
    ax.bar(labels, series.fillna(0).values, color=BAR)
    for x, v in enumerate(series.values):
        if v == v and v:
            ax.text(x, v, norwegian.number(v), ha="center", va="bottom", fontsize=9)
    norwegian_axis(ax.yaxis, counts=_is_counts(series.dropna().values))
    ax.grid(axis="x", visible=False)
    ax.grid(axis="y", visible=True)
    ax.set_title(title)
    ax.set_ylabel(ylabel)
    if len(labels) > 12:
        ax.tick_params(axis="x", rotation=90)
    if note:  # wrapped to the figure's width: a long line would widen the saved figure and shrink the plot
        ax.text(0, -0.16, textwrap.fill(note, NOTE_WIDTH), transform=ax.transAxes, fontsize=9, va="top",
                color="#404040")
    return keep(ax, pd.DataFrame({"period": labels, "value": series.values}))


#: Characters per line of a note under a figure 8 inches wide, in 9 point
NOTE_WIDTH = 95


def plot_stacked(frame, *, title: str, xlabel: str = "", colors=None, ax=None, counts=None):
    """Horizontal stacked bars in per cent: one bar per row, one segment per column; `counts`
    (a frame like `frame`) is written in the segments and in the legend's totals."""
    import matplotlib.pyplot as plt

    use_style()
    if ax is None:
        _, ax = plt.subplots(figsize=(8, max(2.5, 0.5 * len(frame) + 1.5)))
    left = None
    rows = [_wrap(i) for i in frame.index]
    for col in frame.columns:
        vals = frame[col].fillna(0).values
        ax.barh(rows, vals, left=left, label=GROUP_LABELS.get(col, col), color=(colors or {}).get(col))
        for y, v in enumerate(vals):
            if v >= 6:
                n = "" if counts is None else f" ({norwegian.number(counts[col].iloc[y])})"
                ax.text((0 if left is None else left[y]) + v / 2, y, f"{norwegian.percent(v / 100)}{n}",
                        ha="center", va="center", fontsize=8, color="white")
        left = vals if left is None else left + vals
    norwegian_axis(ax.xaxis, counts=False)
    ax.set_title(title)
    ax.set_xlabel(xlabel)
    ax.legend(loc="center left", bbox_to_anchor=(1.0, 0.5), fontsize=9)  # beside the bars, not on the label
    table = frame.copy()
    if counts is not None:
        table = table.join(counts.add_prefix("n_"))
    return keep(ax, table)


def plot_heatmap(frame, *, title: str, xlabel: str = "", ylabel: str = "", cmap="Blues", ax=None,
                 decimals: int | None = None, limits: tuple[float, float] | None = None, row_n=None):
    """Heatmap of a frame (rows x columns) with the values written in the cells (`decimals`,
    else none from 10 and one below); `limits` fixes the colour scale (a correlation's
    is -1 to 1, else the colours stretch a range of ±0.05 to full red and blue); `row_n`
    (Series) adds each row's n to its label (`Viken (n = 3)`)."""
    import matplotlib.pyplot as plt
    import numpy as np

    use_style()
    if ax is None:
        _, ax = plt.subplots(figsize=(max(6, 0.6 * frame.shape[1] + 3), max(3, 0.4 * frame.shape[0] + 1.5)))
    values = frame.to_numpy(dtype=float) if frame.size else np.zeros((1, 1))
    im = ax.imshow(values, aspect="auto", cmap=cmap, **({"vmin": limits[0], "vmax": limits[1]} if limits else {}))
    ax.set_xticks(range(frame.shape[1]), [_wrap(c, 16) for c in frame.columns], rotation=45, ha="right",
                  fontsize=9)
    labels = [_wrap(i, 40) if row_n is None else f"{_wrap(i, 40)} (n = {norwegian.number(row_n.get(i, 0))})"
              for i in frame.index]
    ax.set_yticks(range(frame.shape[0]), labels, fontsize=9)
    ax.grid(False)
    top = max(np.abs(limits)) if limits else np.nanmax(np.abs(values)) if values.size else 0
    for (r, c), v in np.ndenumerate(values):
        if v and v == v:
            text = norwegian.number(v, decimals if decimals is not None else 0 if abs(v) >= 10 else 1)
            ax.text(c, r, text, ha="center", va="center", fontsize=8,
                    color="white" if abs(v) > top * 0.6 else "black")
    ax.set_title(title)
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    bar = ax.figure.colorbar(im, ax=ax, shrink=0.8)
    norwegian_axis(bar.ax.yaxis, counts=False)
    return keep(ax, frame)


def plot_hist(values, *, title: str, xlabel: str, ylabel: str = "Antall", bins=20, ax=None):
    """Histogram of numbers (e.g. article length); keeps the bins it drew."""
    import matplotlib.pyplot as plt
    import pandas as pd

    use_style()
    if ax is None:
        _, ax = plt.subplots()
    counts, edges, _ = ax.hist(list(values), bins=bins, color=BAR, edgecolor="white")
    norwegian_axis(ax.xaxis, counts=True)
    norwegian_axis(ax.yaxis, counts=True)
    ax.set_title(title)
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    ax.grid(axis="y")
    return keep(ax, pd.DataFrame({"from": edges[:-1], "to": edges[1:], "n": counts.astype(int)}))


def plot_trend(counts, *, title: str, value: str = "articles", by: str | None = None, ylabel: str = "Antall",
               ax=None, max_lines: int = 8):
    """Values over periods (from `count_by_period`), one line per group with `by`.

    A period without articles is a gap in the line, not a zero; the x labels say how many
    articles each period has (`2021\\n3`). At most `max_lines` groups (the largest) are
    drawn, in colours a reader tells apart (role groups in their own colours)."""
    import matplotlib.pyplot as plt

    use_style()
    if ax is None:
        _, ax = plt.subplots(figsize=(8.5, 4.8))
    drawn = counts
    if counts.empty:
        ax.text(0.5, 0.5, "Ingen datoer eller årstall", ha="center", va="center", transform=ax.transAxes)
    elif by:
        order = counts.groupby(by, observed=True)[value].sum().sort_values(ascending=False).index[:max_lines]
        drawn = counts[counts[by].isin(order)]
        for i, group in enumerate(order):
            g = drawn[drawn[by] == group].sort_values("period")
            colour = GROUP_COLOURS.get(group) if by == "role_group" else LINE_COLOURS[i % len(LINE_COLOURS)]
            ax.plot(g["period"].dt.year, g[value], marker="o", label=GROUP_LABELS.get(group, group), color=colour)
        ax.legend(fontsize=9, loc="upper left", bbox_to_anchor=(1.0, 1.0))
    else:
        g = counts.sort_values("period")
        ax.plot(g["period"].dt.year, g[value], marker="o", color=BAR)
    if not counts.empty:
        periods = counts.drop_duplicates("period").sort_values("period")
        # the year and, under it, its articles (`n = 1 145` under each of 12 years ran into its
        # neighbours); more than 12 years stand on end, on one line: `2021 (1 145)`
        many = len(periods) > 12
        years = zip(periods["period"].dt.year, map(norwegian.number, periods["in_period"]))
        ax.set_xticks(periods["period"].dt.year, [f"{y} ({n})" if many else f"{y}\n{n}" for y, n in years],
                      fontsize=8 if many else 8.5, rotation=90 if many else 0)
        ax.set_xlabel("År (i parentes: antall artikler)" if many else "År (under: antall artikler)")
        norwegian_axis(ax.yaxis, counts=_is_counts(counts[value].dropna().values))
        ax.set_ylim(bottom=0)
    ax.set_title(title)
    ax.set_ylabel(ylabel)
    ax.grid(axis="y")
    ax.grid(axis="x", visible=False)
    return keep(ax, drawn)


def plot_scores(scores, *, title: str, ax=None):
    """Scores (from `count_scores`) as bars with their 95 % interval and the articles each rests on."""
    import matplotlib.pyplot as plt

    use_style()
    rows = scores.iloc[::-1]
    if ax is None:
        _, ax = plt.subplots(figsize=(8, max(2.5, 0.38 * len(rows) + 1.2)))
    y = range(len(rows))
    ax.barh(list(y), rows["score"], color=BAR)
    err = [(rows["score"] - rows["low"]).clip(lower=0), (rows["high"] - rows["score"]).clip(lower=0)]
    ax.errorbar(rows["score"], list(y), xerr=err, fmt="none", ecolor="#404040", capsize=3, linewidth=1)
    ax.set_yticks(list(y), [f"{label} ({norwegian.number(n)})" for label, n in zip(rows["label"], rows["n_articles"])],
                  fontsize=9)
    for i, v in zip(y, rows["score"]):
        ax.text(0.02, i, norwegian.number(v, 2), va="center", color="white", fontsize=8.5, fontweight="bold")
    ax.set_xlim(0, 1.05)
    norwegian_axis(ax.xaxis, counts=False)
    ax.set_xlabel("F1 / andel riktige (95 %-intervall); i parentes: antall artikler")
    ax.set_title(title)
    return keep(ax, scores[["measure", "label", "score", "low", "high", "n_articles", "counts"]])
