"""Who is quoted with whom: a network drawn for a reader, at most a few dozen names."""

from __future__ import annotations

from kslib.plot.writer import keep, use_style

#: The most people a network draws with names (the most quoted; the rest are counted on the
#: figure). 25: at 40 the names of a dense network (10,000 articles) covered each other.
MAX_NODES = 25


def strongest(graph, max_nodes: int = MAX_NODES):
    """The subgraph of the `max_nodes` people with the most quotes who share an article with
    someone (ties by name, so the choice is stable)."""
    linked = [n for n in graph.nodes if graph.degree(n) > 0]
    chosen = sorted(linked, key=lambda n: (-graph.nodes[n].get("quotes", 0), n))[:max_nodes]
    return graph.subgraph(chosen).copy()


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
    pos = nx.kamada_kawai_layout(shown) if nx.is_connected(shown) else nx.spring_layout(shown, seed=42, k=0.9)
    colours = [GROUP_COLOURS.get(shown.nodes[n].get("group"), GROUP_COLOURS["other"]) for n in shown.nodes]
    sizes = [120 + 60 * min(shown.nodes[n].get("quotes", 1), 10) for n in shown.nodes]
    widths = [0.8 + min(shown.edges[e].get("weight", 1), 6) for e in shown.edges]
    nx.draw_networkx_edges(shown, pos, ax=ax, width=widths, edge_color="#bbbbbb")
    nx.draw_networkx_nodes(shown, pos, ax=ax, node_color=colours, node_size=sizes)
    below = {n: (x, y - 0.07) for n, (x, y) in pos.items()}
    nx.draw_networkx_labels(shown, below, ax=ax, font_size=8, verticalalignment="top",
                            bbox={"facecolor": "white", "edgecolor": "none", "alpha": 0.8, "pad": 1})
    present = {shown.nodes[n].get("group") for n in shown.nodes}
    handles = [Line2D([], [], marker="o", linestyle="", markersize=9, color=GROUP_COLOURS[g], label=GROUP_LABELS[g])
               for g in GROUP_LABELS if g in present]
    ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.0, 1.0), fontsize=9, title="Rollegruppe")
    ax.margins(0.12)
    linked = sum(1 for n in graph.nodes if graph.degree(n) > 0)
    if linked > shown.number_of_nodes():
        from kslib import norwegian

        ax.text(0.0, -0.02, f"Viser de {shown.number_of_nodes()} mest siterte av {norwegian.number(linked)} personer "
                "som er sitert i samme artikkel som en annen", transform=ax.transAxes, fontsize=9, va="top")
    return keep(ax, table)
