"""Who is quoted with whom: a network drawn for a reader, at most a few dozen names."""

from __future__ import annotations

from kslib.plot.writer import keep, use_style

#: The most people a network draws with names (the most quoted; the rest are counted on the
#: figure). 25: at 40 the names of a dense network (10,000 articles) covered each other.
MAX_NODES = 25


#: The ties drawn per person: their strongest. Among the most quoted of a large archive nearly
#: everyone shares an article with everyone (300 lines between 25 people at 100,000 articles:
#: a grey mass, and a layout that piles the names up); each person's three strongest ties
#: show who is quoted with whom.
TIES_PER_PERSON = 3


def strongest(graph, max_nodes: int = MAX_NODES, ties: int = TIES_PER_PERSON):
    """The `max_nodes` people with the most quotes who share an article with someone (ties by
    name, so the choice is stable), with each one's `ties` strongest ties among them (more
    shared articles first, then by name)."""
    import networkx as nx

    linked = [n for n in graph.nodes if graph.degree(n) > 0]
    chosen = sorted(linked, key=lambda n: (-graph.nodes[n].get("quotes", 0), n))[:max_nodes]
    among = graph.subgraph(chosen)
    shown = nx.Graph()
    shown.add_nodes_from((n, among.nodes[n]) for n in chosen)
    for n in chosen:
        edges = sorted(among.edges(n, data="weight", default=1), key=lambda e: (-e[2], e[1]))[:ties]
        shown.add_edges_from((a, b, {"weight": w}) for a, b, w in edges)
    return shown


#: the space between two groups of connected people, in the layout's units (a pair's
#: two people are 1.4 apart): wide enough that two groups never read as one
GAP = 1.5


def layout(shown) -> dict:
    """Positions: each group of connected people laid out by itself (Kamada-Kawai by hops,
    not by weight, which it would read as a length), the largest first, side by side in rows,
    so that no line of one group runs behind a node of another (a spring layout of the whole
    did that)."""
    import math

    import networkx as nx
    import numpy as np

    parts = sorted(nx.connected_components(shown), key=lambda c: (-len(c), min(c)))
    per_row = max(3, math.ceil(math.sqrt(len(parts))))
    pos, x, y, row_height = {}, 0.0, 0.0, 0.0
    for i, part in enumerate(parts):
        radius = 0.5 * math.sqrt(len(part))
        # the group's people in the graph's order: a subgraph view walks its set of nodes,
        # whose order changes with Python's hash seed, and so did the layout from run to run
        order = [n for n in shown if n in part]
        sub = nx.Graph()
        sub.add_nodes_from(order)
        sub.add_edges_from(shown.edges(order))
        local = nx.kamada_kawai_layout(sub, weight=None, scale=radius) if len(part) > 2 else \
            nx.circular_layout(sub, scale=radius)
        if i and i % per_row == 0:
            x, y, row_height = 0.0, y - row_height - GAP, 0.0
        for n, (px, py) in local.items():
            pos[n] = np.array([x + radius + px, y - radius + py])
        x += 2 * radius + GAP
        row_height = max(row_height, 2 * radius)
    return pos


def _labels(ax, pos, nodes) -> None:
    """Each name under its node, then moved apart by adjustText where names would overlap
    one another or cover a node (25 names in a dense core pile up otherwise)."""
    from adjustText import adjust_text

    ax.figure.canvas.draw()  # adjustText measures the texts as drawn
    xs, ys = zip(*pos.values())
    below = 0.035 * max(max(ys) - min(ys), 1.0)
    texts = [ax.text(x, y - below, str(n), fontsize=8, ha="center", va="top",
                     bbox={"facecolor": "white", "edgecolor": "none", "alpha": 0.8, "pad": 1})
             for n, (x, y) in pos.items()]
    adjust_text(texts, x=list(xs), y=list(ys), objects=nodes, ax=ax, expand=(1.3, 1.8), force_text=(0.3, 0.5),
                ensure_inside_axes=True, iter_lim=300,
                arrowprops={"arrowstyle": "-", "color": "#999999", "lw": 0.5})


def plot_network(graph, *, title: str, ax=None, max_nodes: int = MAX_NODES):
    """A co-occurrence network (networkx Graph with `weight` on edges, `group` on nodes),
    coloured by role group with a legend; people quoted alone are left out (counted in the
    table kept: `person_a`, `person_b`, `articles`)."""
    import matplotlib.pyplot as plt
    import networkx as nx
    import pandas as pd
    from matplotlib.lines import Line2D

    from kslib.plot.figures import GROUP_COLOURS
    from kslib.schema import GROUP_LABELS

    use_style()
    if ax is None:
        _, ax = plt.subplots(figsize=(9, 7))
    ax.set_title(title)
    ax.axis("off")
    shown = strongest(graph, max_nodes)
    table = pd.DataFrame([(a, b, w) for a, b, w in shown.edges(data="weight")],
                         columns=["person_a", "person_b", "articles"])
    if shown.number_of_nodes() == 0:
        ax.text(0.5, 0.5, "Ingen personer er sitert i samme artikkel som en annen", ha="center", va="center",
                transform=ax.transAxes)
        return keep(ax, table)
    pos = layout(shown)
    colours = [GROUP_COLOURS.get(shown.nodes[n].get("group"), GROUP_COLOURS["other"]) for n in shown.nodes]
    most = max(shown.nodes[n].get("quotes", 1) or 1 for n in shown.nodes)
    sizes = [120 + 480 * (shown.nodes[n].get("quotes", 1) or 1) / most for n in shown.nodes]
    heaviest = max((w for _, _, w in shown.edges(data="weight", default=1)), default=1)
    widths = [0.6 + 4.4 * shown.edges[e].get("weight", 1) / heaviest for e in shown.edges]
    nx.draw_networkx_edges(shown, pos, ax=ax, width=widths, edge_color="#bbbbbb")
    nodes = nx.draw_networkx_nodes(shown, pos, ax=ax, node_color=colours, node_size=sizes)
    ax.margins(0.12)  # before the names are placed: a change of limits would move them
    _labels(ax, pos, nodes)
    present = {shown.nodes[n].get("group") for n in shown.nodes}
    handles = [Line2D([], [], marker="o", linestyle="", markersize=9, color=GROUP_COLOURS[g], label=GROUP_LABELS[g])
               for g in GROUP_LABELS if g in present]
    ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.0, 1.0), fontsize=9, title="Rollegruppe")
    linked = sum(1 for n in graph.nodes if graph.degree(n) > 0)
    if linked > shown.number_of_nodes():
        from kslib import norwegian

        ax.text(0.0, -0.02, f"Viser de {shown.number_of_nodes()} mest siterte av {norwegian.number(linked)} personer "
                "som er sitert i samme artikkel som en annen, med hver persons "
                f"{TIES_PER_PERSON} sterkeste bånd (flest felles artikler)", transform=ax.transAxes, fontsize=9,
                va="top", wrap=True)
    return keep(ax, table)
