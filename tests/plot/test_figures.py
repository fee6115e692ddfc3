"""Figures: one writer with stable names, the map, and counts with zero rows."""

import pandas as pd
import pytest

import kslib as ks
from kslib.plot import figures, maps


def test_save_writes_png_svg_csv_and_pdf(tmp_path):
    ax = figures.plot_bar(pd.Series({"Bærum": 3, "Ås": 1, "Øvre Eiker": 2}), title="Æ Ø Å", xlabel="Antall")
    paths = figures.save(ax.figure, "01-test", data=pd.Series({"a": 1}), out_dir=tmp_path, pdf=True, close=True)
    assert sorted(p.name for p in paths) == ["01-test.csv", "01-test.pdf", "01-test.png", "01-test.svg"]
    assert all(p.stat().st_size > 0 for p in paths)
    assert (tmp_path / "01-test.png").read_bytes()[:4] == b"\x89PNG"
    svg = (tmp_path / "01-test.svg").read_text(encoding="utf-8")
    assert "Øvre Eiker" in svg  # text stays text in SVG, æ ø å intact


def test_svg_is_stable_between_runs(tmp_path):
    for run in ("a", "b"):
        ax = figures.plot_bar(pd.Series({"x": 1, "y": 2}), title="Stabil")
        figures.save(ax.figure, f"01-{run}", out_dir=tmp_path, close=True)
    assert (tmp_path / "01-a.svg").read_bytes() == (tmp_path / "01-b.svg").read_bytes()


def test_counts_by_county_have_a_row_for_every_county(seeds):
    today = ks.count_counties(seeds.articles, seeds.places, map_year="2024")
    assert len(today) == 15 and today["n_articles"].sum() == 3  # Buskerud, Trøndelag, Innlandet
    assert today.set_index("county").loc["Finnmark", "n_mentions"] == 0
    by_year = ks.count_counties(seeds.articles, seeds.places)
    assert by_year.set_index("county").loc["Viken", "n_articles"] == 1  # seed 004 in 2021
    kommuner = ks.count_municipalities(seeds.places)
    assert len(kommuner) == 357 and kommuner.set_index("name").loc["Drammen", "n_mentions"] >= 10


@pytest.mark.parametrize("map_name, n", [("2024", 15), ("2020", 11)])
def test_county_shapes_and_map(tmp_path, map_name, n):
    shapes = maps.county_shapes(map_name)
    assert len(shapes) == n and all(not g.is_empty for g in shapes.values())
    ax = maps.plot_county_map(pd.Series({list(shapes)[0]: 3}), title="Kart", map_name=map_name,
                              points=pd.DataFrame({"lon": [10.2], "lat": [59.7], "n_mentions": [2]}))
    paths = figures.save(ax.figure, "03-kart", out_dir=tmp_path, close=True)
    assert all(p.stat().st_size > 10_000 for p in paths)
