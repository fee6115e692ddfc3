"""The speaker network counts people as the speakers table does."""

import pandas as pd

from kslib.count.speakers import cooccurrence_graph
from kslib.extract.speakers import to_speakers


def test_the_network_has_one_node_per_person_of_the_speakers_table():
    """`Gram` in an article that never writes the full name, and `bjørn arild gram` written in
    lower case, are the node Bjørn Arild Gram, with all his quotes, as in the speakers table."""
    people = pd.DataFrame({
        "article_id": ["a1", "a1", "a2", "a2", "a3"],
        "name": ["Bjørn Arild Gram", "Kari Nordmann", "Gram", "Kari Nordmann", "bjørn arild gram"],
        "role_group": pd.Categorical(["KS", "elected", None, "elected", "KS"]),
        "role": ["styreleder i KS", "ordfører", None, "ordfører", None],
        "gender": pd.Categorical(["M", "F", None, "F", "M"]),
        "n_quotes": [2, 1, 3, 1, 1],
    })
    people["quoted"] = people["n_quotes"] > 0
    graph = cooccurrence_graph(people)
    assert set(graph.nodes) == {"Bjørn Arild Gram", "Kari Nordmann"}
    assert graph.nodes["Bjørn Arild Gram"]["quotes"] == 6
    assert graph.edges["Bjørn Arild Gram", "Kari Nordmann"]["weight"] == 2
    speakers = to_speakers(people).set_index("name")
    assert set(speakers.index) == set(graph.nodes)
    assert speakers.loc["Bjørn Arild Gram", "n_quotes"] == graph.nodes["Bjørn Arild Gram"]["quotes"]
