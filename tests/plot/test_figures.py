"""Figures: one writer with stable names and a footer, the CSV that is the plotted table,
the map that accounts for every article, and counts with zero rows."""

import pandas as pd
import pytest

import kslib as ks
from kslib import norwegian
from kslib.plot import clouds, figures, maps, network
from kslib.plot import writer as figures_writer


def test_save_writes_png_svg_csv_and_pdf(tmp_path):
    ax = figures.plot_bar(pd.Series({"Bærum": 3, "Ås": 1, "Øvre Eiker": 2}), title="Æ Ø Å", xlabel="Antall")
    paths = figures_writer.save(ax.figure, "01-test", out_dir=tmp_path, pdf=True, close=True)
    assert sorted(p.name for p in paths) == ["01-test.csv", "01-test.pdf", "01-test.png", "01-test.svg"]
    assert all(p.stat().st_size > 0 for p in paths)
    assert (tmp_path / "01-test.png").read_bytes()[:4] == b"\x89PNG"
    svg = (tmp_path / "01-test.svg").read_text(encoding="utf-8")
    assert "Øvre Eiker" in svg  # text stays text in SVG, æ ø å intact


def test_svg_is_stable_between_runs(tmp_path):
    for run in ("a", "b"):
        ax = figures.plot_bar(pd.Series({"x": 1, "y": 2}), title="Stabil")
        figures_writer.save(ax.figure, f"01-{run}", out_dir=tmp_path, close=True)
    assert (tmp_path / "01-a.svg").read_bytes() == (tmp_path / "01-b.svg").read_bytes()


def test_counts_by_county_have_a_row_for_every_county(seeds):
    today = ks.count_counties(seeds.articles, seeds.places, map_year="2024")
    # Buskerud, Trøndelag, Innlandet, and the 2021 Viken article placed by its municipalities
    assert len(today) == 15 and today["n_articles"].sum() == 4
    assert today.set_index("county").loc["Finnmark", "n_mentions"] == 0
    by_year = ks.count_counties(seeds.articles, seeds.places, map_year="article")
    assert by_year.set_index("county").loc["Viken", "n_articles"] == 1  # seed 004 in 2021
    kommuner = ks.count_municipalities(seeds.places)
    assert len(kommuner) == 357 and kommuner.set_index("name").loc["Drammen", "n_mentions"] >= 10


@pytest.mark.parametrize("map_name, n", [("2024", 15), ("2020", 11)])
def test_county_shapes_and_map(tmp_path, map_name, n):
    shapes = maps.county_shapes(map_name)
    assert len(shapes) == n and all(not g.is_empty for g in shapes.values())
    ax = maps.plot_county_map(pd.Series({list(shapes)[0]: 3}), title="Kart", map_name=map_name,
                              points=pd.DataFrame({"lon": [10.2], "lat": [59.7], "n_mentions": [2]}))
    paths = figures_writer.save(ax.figure, "03-kart", out_dir=tmp_path, close=True)
    assert all(p.stat().st_size > 10_000 for p in paths if p.suffix != ".csv")


def test_every_figure_has_a_footer_with_its_basis(tmp_path, seeds):
    ax = figures.plot_bar(pd.Series({"a": 2, "b": 1}), title="T")
    figures_writer.save(ax, "01-fot", corpus=seeds, n="3 sitater", out_dir=tmp_path, close=True)
    svg = (tmp_path / "01-fot.svg").read_text(encoding="utf-8")
    years = seeds.articles["year"].dropna()
    span = f"{years.min()}–{years.max()}"  # the years the articles have
    assert "KS-artikler i «seeds» · 5 artikler · " + span + " · 3 sitater · kslib " + ks.__version__ in svg


def _read_back(path):
    return pd.read_csv(path, keep_default_na=False, na_values=[""])


@pytest.mark.parametrize("draw", [
    lambda: figures.plot_bar(pd.Series({"KS": 13, "Andre": 4}), title="t", counts=pd.Series({"KS": 3, "Andre": 1})),
    lambda: figures.plot_columns(pd.Series({2018: 2, 2019: 0, 2020: 1}), title="t"),
    lambda: figures.plot_hist([1, 2, 2, 3, 9], title="t", xlabel="x", bins=4),
    lambda: figures.plot_heatmap(pd.DataFrame({"x": [0.5, 0.25]}, index=["a", "b"]), title="t"),
    lambda: clouds.plot_wordcloud({"kommune": 5, "skole": 3, "barnehage": 2}, title="t"),
    lambda: maps.plot_county_map(pd.Series({"Agder": 2}), title="t",
                                 points=pd.DataFrame({"name": ["Arendal"], "lon": [8.77], "lat": [58.46],
                                                      "n_mentions": [3]})),
])
def test_the_csv_beside_a_figure_is_exactly_the_table_it_draws(tmp_path, draw):
    ax = draw()
    drawn = figures_writer.plotted(ax)
    paths = figures_writer.save(ax, "01-tabell", out_dir=tmp_path, close=True)
    csv = _read_back([p for p in paths if p.suffix == ".csv"][0])
    expected = drawn.reset_index(drop=isinstance(drawn.index, pd.RangeIndex))
    assert list(csv.columns)[1:] == [str(c) for c in expected.columns][1:]
    assert len(csv) == len(expected)
    assert csv.iloc[:, -1].tolist() == pytest.approx(expected.iloc[:, -1].astype(float).tolist(), nan_ok=True)


def test_a_plotted_figure_refuses_another_table():
    ax = figures.plot_bar(pd.Series({"a": 1}), title="t")
    with pytest.raises(ValueError, match="saves the table it plots"):
        figures_writer.save(ax, "01-x", data=pd.DataFrame({"b": [2]}), out_dir="/nonexistent")


def test_the_map_draws_every_article_with_a_county_or_counts_it():
    from kslib.count.places import count_by_county, describe_map

    articles = pd.DataFrame({"article_id": ["a", "b", "c", "d"],
                             "region": ["Viken", "Viken", "Agder", "national"],
                             "region_2024": [None, None, "Agder", "national"]})
    places = pd.DataFrame({"article_id": ["a", "a", "c"], "kind": ["kommune", "kommune", "kommune"],
                           "name": ["Drammen", "Bærum", "Arendal"], "county_2024": ["Buskerud", "Akershus", "Agder"]})
    counties = count_by_county(articles, places).set_index("county")["n_articles"]
    assert counties["Agder"] == 1 and counties[["Buskerud", "Akershus"]].sum() == 1  # a: placed by its municipalities
    text = describe_map(articles, places)
    assert text == ("2 artikler handler om fylker som ikke finnes på 2024-kartet (Viken); 1 er plassert etter "
                    "kommunene den nevner; 1 nevner ingen kommune og er ikke på kartet.")
    on_map, regional = counties.sum(), (articles["region"] != "national").sum()
    assert on_map + 1 == regional  # every regional article: on the map, or the one the caption counts


def test_the_chart_of_articles_per_county_says_what_it_rests_on():
    """The chart shows only articles with a county: its footer says how many of all those are,
    and how many are about the whole country (a chart of 5 bars of 1 from 40 articles)."""
    from kslib.count.places import count_by_county, county_basis

    articles = pd.DataFrame({"article_id": ["a", "b", "c", "d", "e"],
                             "region": ["Viken", "Viken", "Agder", "national", "national"],
                             "region_2024": [None, None, "Agder", "national", "national"]})
    places = pd.DataFrame({"article_id": ["a", "c"], "kind": ["kommune", "kommune"], "name": ["Drammen", "Arendal"],
                           "county_2024": ["Buskerud", "Agder"]})
    text = county_basis(articles, places)
    assert text == "2 av 5 artikler har et fylke; 2 handler om hele landet; 1 uten fylke på 2024-kartet"
    assert count_by_county(articles, places)["n_articles"].sum() == 2  # the bars add up to the first number


def test_role_groups_and_genders_have_one_colour_each():
    role = [figures.GROUP_COLOURS[g] for g in ("KS", "elected", "administration", "other")]
    gender = [figures.GENDER_COLOURS[g] for g in ("Kvinner", "Menn", "Ukjent")]
    assert len(set(role)) == 4 and len(set(gender)) == 3 and not set(role) & set(gender)
    assert figures.GROUP_COLOURS["Folkevalgte"] == figures.GROUP_COLOURS["elected"]


def test_the_network_keeps_the_most_quoted_and_has_a_legend():
    import networkx as nx

    graph = nx.Graph()
    for i in range(60):
        graph.add_node(f"P{i:02d}", group="elected" if i % 2 else "KS", quotes=60 - i)
    for i in range(59):
        graph.add_edge(f"P{i:02d}", f"P{i + 1:02d}", weight=1)
    graph.add_node("Alene", group="other", quotes=99)
    ax = network.plot_network(graph, title="t", max_nodes=20)
    drawn = figures_writer.plotted(ax)
    names = set(drawn["person_a"]) | set(drawn["person_b"])
    assert names == {f"P{i:02d}" for i in range(20)} and "Alene" not in names
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["KS", "Folkevalgte"]


def test_the_network_draws_each_persons_strongest_ties():
    """Among people who all share articles, each keeps the ties with most shared articles:
    a person's weakest ties are left out unless they are the other one's strongest."""
    import networkx as nx

    graph = nx.complete_graph(8)
    graph = nx.relabel_nodes(graph, {i: f"P{i}" for i in range(8)})
    for a, b in graph.edges:
        graph.edges[a, b]["weight"] = 10 if {a, b} in ({"P0", "P1"}, {"P2", "P3"}) else 1
    nx.set_node_attributes(graph, {n: {"group": "KS", "quotes": 5} for n in graph.nodes})
    shown = network.strongest(graph, max_nodes=8, ties=1)
    assert shown.number_of_nodes() == 8
    assert shown.has_edge("P0", "P1") and shown.has_edge("P2", "P3")
    assert all(shown.degree(n) >= 1 for n in shown.nodes) and shown.number_of_edges() < graph.number_of_edges()


def test_the_networks_names_do_not_overlap():
    """25 long names around a dense core (what 10,000 articles give): once drawn, no name's box
    overlaps another's or covers another person's node."""
    import random

    import networkx as nx

    rng = random.Random(3)
    graph = nx.Graph()
    names = [f"{first} {last}" for first, last in zip(
        ["Aniyah", "Benedicte", "Agostina", "Beniamino", "Ardengo", "Alen", "Arite", "Ataman", "Andie", "Anikó",
         "Awni", "Adélie", "Argenta", "Aliette", "Asena", "Angus", "Agostino", "Alies", "Andi", "Azir", "Agha",
         "Aspasija", "Arcadie", "Andrada", "Aldi"],
        ["Offentlighaug", "Kommunesen", "Innennes", "Styrkeli", "Samfunnnes", "Kommunevik", "Lederstad",
         "Bidraheim", "Ulikevik", "Kommunerli", "Prosessrud", "Skaptedal", "Innaforvik", "Velkommensen",
         "Kommunestad", "Samtaleberg", "Kulturhaug", "Nyttigvik", "Viktigrud", "Kommuneberg", "Glederdal",
         "Nyttigland", "Kommunesen", "Kommuneli", "Kommuneberg"])]
    for i, name in enumerate(names):
        graph.add_node(name, group=["KS", "elected", "administration", "other"][i % 4], quotes=40 - i)
    for a in names:  # everyone tied to the three most quoted, and to a few others
        for b in names[:3] + rng.sample(names, 4):
            if a != b:
                graph.add_edge(a, b, weight=rng.randint(1, 14))
    ax = network.plot_network(graph, title="t")
    ax.figure.canvas.draw()
    renderer = ax.figure.canvas.get_renderer()
    labels = {t.get_text(): t.get_window_extent(renderer) for t in ax.texts if t.get_text() in names}
    assert len(labels) == 25
    boxes = list(labels.values())
    overlapping = [(i, j) for i in range(25) for j in range(i + 1, 25) if boxes[i].overlaps(boxes[j])]
    assert overlapping == []
    nodes = ax.collections[-1]  # drawn after the edges, most quoted first: the order of `names`
    centres = dict(zip(names, ax.transData.transform(nodes.get_offsets())))
    covered = [(name, other) for name, box in labels.items() for other, (x, y) in centres.items()
               if other != name and box.contains(x, y)]
    assert covered == []


def test_groups_of_people_are_laid_out_apart():
    """People who share no article with one another are laid out group by group: the boxes
    around each group do not overlap, so no line of one group runs behind another's node."""
    import networkx as nx

    graph = nx.Graph([("A", "B"), ("B", "C"), ("C", "A"), ("C", "D"), ("E", "F"), ("G", "H"), ("I", "J")])
    pos = network.layout(graph)
    boxes = []
    for part in nx.connected_components(graph):
        xs, ys = zip(*(pos[n] for n in part))
        boxes.append((min(xs), max(xs), min(ys), max(ys)))
    for i, (x0, x1, y0, y1) in enumerate(boxes):
        for u0, u1, v0, v1 in boxes[i + 1:]:
            assert x1 < u0 or u1 < x0 or y1 < v0 or v1 < y0


def test_map_bubbles_keep_their_size_at_any_corpus_size():
    """A municipality's bubble has an area relative to the most mentioned: the same map at
    3 mentions and at 30,000 (a size per mention covered the country at 10,000 articles)."""
    small = maps.bubble_sizes([1, 2, 3])
    large = maps.bubble_sizes([10_000, 20_000, 30_000])
    assert list(large) == list(small)
    assert max(large) == maps.BUBBLE_MAX and min(maps.bubble_sizes([1, 30_000])) == maps.BUBBLE_MIN


@pytest.mark.parametrize("years", [12, 20])
def test_trend_labels_do_not_overlap(years):
    """Each year's label says its articles; with thousands of articles in each of many years
    the labels still stand apart."""
    one = pd.DataFrame({"period": pd.to_datetime([f"{2000 + i}-01-01" for i in range(years)]),
                        "articles": [1000 + i for i in range(years)], "in_period": [10_000 + i for i in range(years)]})
    counts = pd.concat([one.assign(theme=theme) for theme in ("inkludering og utenforskap", "helse og omsorg")])
    ax = figures.plot_trend(counts, title="t", value="articles", by="theme")  # a legend beside it, as in 02
    ax.figure.canvas.draw()
    renderer = ax.figure.canvas.get_renderer()
    boxes = [t.get_window_extent(renderer) for t in ax.get_xticklabels()]
    assert len(boxes) == years and norwegian.number(10_000) in ax.get_xticklabels()[0].get_text()
    assert not any(a.overlaps(b) for a, b in zip(boxes, boxes[1:]))


def test_ticks_and_cells_are_told_apart_and_never_minus_zero():
    """Small correlations (±0.04) got ticks `-0,0 0,0 0,0` and cells `-0,0`: the ticks take the
    decimals they need, a value that rounds to zero has no sign, and a correlation's colours
    run from -1 to 1."""
    assert norwegian.number(-0.001, 1) == "0,0" and norwegian.number(-0.05, 1) == "-0,1"
    assert figures._tick_decimals([-0.04, -0.02, 0.0, 0.02, 0.04]) == 2
    assert figures._tick_decimals([0, 0.25, 0.5]) == 2 and figures._tick_decimals([0, 5, 10]) == 0
    frame = pd.DataFrame([[0.031, -0.002], [-0.04, 0.012]], index=["1: a", "2: b"], columns=["x", "y"])
    ax = figures.plot_heatmap(frame, title="r", cmap="RdBu_r", decimals=2, limits=(-1, 1))
    ax.figure.canvas.draw()
    assert sorted(t.get_text() for t in ax.texts) == sorted(["0,03", "0,00", "-0,04", "0,01"])
    assert ax.images[0].get_clim() == (-1, 1)
    bar = ax.figure.axes[-1]
    ticks = [t.get_text() for t in bar.get_yticklabels() if t.get_text()]
    assert len(set(ticks)) == len(ticks) and "-0,0" not in ticks


def test_the_network_layout_is_the_same_in_every_run():
    """Pairs of people laid out the same under any hash seed (a subgraph view walked its set of
    nodes, so the seeds' figure changed from run to run)."""
    import os
    import subprocess
    import sys

    code = ("import networkx as nx\nfrom kslib.plot import network\n"
            "g = nx.Graph([('Helge Eide', 'Trond Julin'), ('Lasse Hansen', 'Hugo Thode Hansen'), ('A', 'B'), ('B', 'C')])\n"
            "print(sorted((k, round(float(x), 6), round(float(y), 6)) for k, (x, y) in network.layout(g).items()))")
    runs = {subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                           env={**os.environ, "PYTHONHASHSEED": str(seed)}).stdout for seed in (1, 2, 3, 4)}
    assert len(runs) == 1


def test_a_long_note_under_columns_keeps_the_saved_figure_its_width(tmp_path):
    """A note longer than the figure is wide (the years' sentence of a large folder) used to widen
    the saved PNG, so the plot shrank and its year labels ran into each other."""
    from PIL import Image

    series = pd.Series([1, 2, 2, 4, 2, 2, 3, 6], index=range(2017, 2025))
    sizes = []
    for note in ("Kort.", "22 av 40 (55 %) artikler har et kjent år (2017–2024; 16 fra teksten, 6 fra nettsidens "
                          "adresse); 18 uten kjent år (teksten sier det ikke sikkert nok) er ikke med i tidsseriene."):
        ax = figures.plot_columns(series, title="Artikler per år", note=note)
        figures_writer.save(ax.figure, "01-test", out_dir=tmp_path, close=True)
        sizes.append(Image.open(tmp_path / "01-test.png").size)
    assert sizes[1][0] == sizes[0][0]  # as wide as with a short note; the long one takes more lines
