"""Word clouds in the house colours; each keeps the words and counts it drew."""

from __future__ import annotations

from kslib.plot.writer import keep, use_style

PALETTE = ["#1f4e79", "#c55a11", "#548235", "#7f6000", "#2e75b6"]


def _cloud(ax, frequencies: dict, max_words: int):
    from wordcloud import WordCloud

    frequencies = {k: float(v) for k, v in frequencies.items() if v > 0}
    if not frequencies:
        ax.text(0.5, 0.5, "Ingen ord", ha="center", va="center", transform=ax.transAxes)
        return {}
    shown = dict(sorted(frequencies.items(), key=lambda kv: (-kv[1], kv[0]))[:max_words])
    cloud = WordCloud(width=1400, height=780, background_color="white", max_words=max_words, random_state=42,
                      prefer_horizontal=0.95, collocations=False,
                      color_func=lambda word, **kw: PALETTE[sum(map(ord, word)) % len(PALETTE)])
    cloud.generate_from_frequencies(shown)
    ax.imshow(cloud, interpolation="bilinear")
    return {word: shown[word] for word in cloud.words_}  # what fitted in the picture


def plot_wordcloud(frequencies: dict, *, title: str, ax=None, max_words: int = 120):
    """Word cloud from {word: frequency}; keeps the words drawn (`term`, `n`)."""
    import matplotlib.pyplot as plt
    import pandas as pd

    use_style()
    if ax is None:
        _, ax = plt.subplots(figsize=(9, 5))
    ax.set_title(title)
    ax.axis("off")
    drawn = _cloud(ax, frequencies, max_words)
    return keep(ax, pd.DataFrame({"term": list(drawn), "n": [int(v) for v in drawn.values()]}))


def plot_wordclouds(groups: dict, *, title: str, max_words: int = 60, n_articles: dict | None = None):
    """A grid of word clouds, one per group ({group: {word: count}}); `n_articles` puts each
    group's number of articles in its title. Returns the Figure; keeps `group`, `term`, `n`."""
    import math

    import matplotlib.pyplot as plt
    import pandas as pd

    from kslib import norwegian

    use_style()
    n = max(1, len(groups))
    cols = 2 if n > 1 else 1
    rows = math.ceil(n / cols)
    fig, axes = plt.subplots(rows, cols, figsize=(6 * cols, 3.6 * rows), squeeze=False)
    tables = []
    for ax, (group, freqs) in zip(axes.ravel(), groups.items()):
        label = str(group) if not n_articles else f"{group} ({norwegian.number(n_articles.get(group, 0))} artikler)"
        ax.set_title(label)
        ax.axis("off")
        drawn = _cloud(ax, freqs, max_words)
        tables.append(pd.DataFrame({"group": str(group), "term": list(drawn), "n": [int(v) for v in drawn.values()]}))
    for ax in axes.ravel()[len(groups):]:
        ax.axis("off")
    if not groups:
        axes.ravel()[0].text(0.5, 0.5, "Ingen grupper med nok artikler", ha="center", va="center")
    fig.suptitle(title, fontweight="bold", x=0.01, ha="left")
    table = pd.concat(tables, ignore_index=True) if tables else pd.DataFrame(columns=["group", "term", "n"])
    return keep(fig, table)
