"""Who gets a voice: role groups, gender and co-quotation, the tables behind notebook 04."""

from __future__ import annotations

from kslib.schema import GENDER_LABELS, GROUP_LABELS, fill_unknown


def count_role_groups(people):
    """Quoted people and quotes per role group (KS, elected, administration, other)."""
    import pandas as pd

    quoted = people[people["quoted"].fillna(False).astype(bool)]
    groups = list(GROUP_LABELS)
    out = pd.DataFrame({"role_group": groups, "label": [GROUP_LABELS[g] for g in groups]})
    out["people"] = out["role_group"].map(quoted["role_group"].astype(str).value_counts()).fillna(0).astype(int)
    out["quotes"] = out["role_group"].map(quoted.groupby(quoted["role_group"].astype(str))["n_quotes"].sum()) \
        .fillna(0).astype(int)
    return out


def gender_shares(people):
    """Share of women, men and unknown among quoted sources and among everyone mentioned.

    Returns `group` (Siterte / Alle nevnte), `gender` (Kvinner, Menn, Ukjent), `n`, `share`."""
    import pandas as pd

    rows = []
    for label, frame in (("Siterte", people[people["quoted"].fillna(False).astype(bool)]), ("Alle nevnte", people)):
        genders = fill_unknown(frame["gender"])
        counts = genders.value_counts()
        total = max(1, len(frame))
        for g in GENDER_LABELS:
            rows.append((label, GENDER_LABELS[g], int(counts.get(g, 0)), counts.get(g, 0) / total))
    return pd.DataFrame(rows, columns=["group", "gender", "n", "share"])


def cooccurrence_graph(people, speakers=None, min_weight: int = 1):
    """Graph of quoted people who are quoted in the same article (edge weight = articles)."""
    from itertools import combinations

    import networkx as nx

    from kslib.extract.speakers import person_keys

    # one node per person as the speakers table counts them (`Gram` in one article is Bjørn Arild Gram)
    key, display = person_keys(people["name"])
    people = people.assign(name=display[key])
    quoted = people[people["quoted"].fillna(False).astype(bool)]
    graph = nx.Graph()
    for name, group, n in zip(quoted["name"], quoted["role_group"].astype(str), quoted["n_quotes"]):
        if graph.has_node(name):
            graph.nodes[name]["quotes"] += int(n)
        else:
            graph.add_node(name, group=group, quotes=int(n))
    for _, names in quoted.groupby("article_id")["name"]:
        for a, b in combinations(sorted(set(names)), 2):
            w = graph.edges[a, b]["weight"] + 1 if graph.has_edge(a, b) else 1
            graph.add_edge(a, b, weight=w)
    drop = [(a, b) for a, b, w in graph.edges(data="weight") if w < min_weight]
    graph.remove_edges_from(drop)
    return graph


def edges_table(graph):
    import pandas as pd

    return pd.DataFrame([(a, b, w) for a, b, w in graph.edges(data="weight")], columns=["person_a", "person_b",
                                                                                         "articles"])
