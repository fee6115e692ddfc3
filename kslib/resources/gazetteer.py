"""The gazetteer: every Norwegian municipality and county, regions, localities and foreign places.

Data files in `resources/gazetteer/` (see their headers for sources). The map
changed on 1 January 2020 and 1 January 2024; `county_in(year)` picks the right
column: before 2020 -> `county_pre2020`, 2020-2023 -> `county_2020`, from 2024
(or year unknown) -> `county_2024`.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from kslib.config import resource_lines, resource_rows

MAPS = ("pre2020", "2020", "2024")


def map_of_year(year: int | None) -> str:
    """Which county map was in force in `year` (today's map when unknown)."""
    if year is None:
        return "2024"
    if year < 2020:
        return "pre2020"
    if year < 2024:
        return "2020"
    return "2024"


@lru_cache(maxsize=None)
def _table(name: str) -> list[dict]:
    return resource_rows(f"gazetteer/{name}.csv")


def kommuner() -> list[dict]:
    return _table("kommuner")


def fylker() -> list[dict]:
    return _table("fylker")


def regions() -> list[dict]:
    return _table("regions")


def foreign() -> list[dict]:
    """Foreign places: the cities and regions KS writes about (`foreign.csv`), and the world's
    countries by their Norwegian names (`countries.csv`, from ISO 3166-1's nb and nn names)."""
    return _table("foreign") + _table("countries")


def steder() -> list[dict]:
    """Localities that are not municipalities (towns, villages), with the municipality they lie in."""
    return _table("steder")


@lru_cache(maxsize=1)
def ambiguous() -> frozenset[str]:
    return frozenset(resource_lines("ambiguous_places.txt"))


@dataclass(frozen=True)
class Place:
    """One gazetteer entry a surface form can point to."""

    name: str
    kind: str  # kommune, fylke, region, sted, utland
    #: a municipality's number; for a `sted`, the number of the municipality it lies in
    kommunenummer: str | None
    counties: tuple[str | None, str | None, str | None]  # pre2020, 2020, 2024

    def county_in(self, year: int | None) -> str | None:
        """The county this place lay in, on the map of `year`; a county named is itself."""
        if self.kind == "fylke":
            return self.name
        return self.counties[MAPS.index(map_of_year(year))]


@lru_cache(maxsize=1)
def entries() -> dict[str, list[Place]]:
    """Surface form -> the places it can name (several for Herøy, Våler, Dale, ...): municipalities,
    counties, regions, foreign places and, under names none of those has, localities (`sted`)."""
    out = {form: list(places) for form, places in official_entries().items()}
    by_number = {row["kommunenummer"]: row for row in kommuner() if row["kommunenummer"]}
    for row in steder():
        host = by_number.get(row["kommunenummer"])
        if host is None or row["name"] in official_entries():
            continue
        place = Place(row["name"], "sted", row["kommunenummer"],
                      (host["county_pre2020"], host["county_2020"], host["county_2024"]))
        if place not in out.setdefault(row["name"], []):
            out[row["name"]].append(place)
    return out


@lru_cache(maxsize=1)
def localities() -> frozenset[str]:
    """The names that are only localities (`sted`): like the names that are also words, they
    count as places only with place context (`i Mysen`, `på Kløfta`)."""
    return frozenset(form for form, places in entries().items() if all(p.kind == "sted" for p in places))


@lru_cache(maxsize=1)
def official_entries() -> dict[str, list[Place]]:
    """Surface form -> the municipalities, counties, regions and foreign places it can name."""
    out: dict[str, list[Place]] = {}

    def add(form: str, place: Place) -> None:
        if form and place not in out.setdefault(form, []):
            out[form].append(place)

    for row in kommuner():
        number = row["kommunenummer"] or row["kommunenummer_2024"] or None
        if row["status"] == "ceased_2020":
            number = None
        place = Place(row["name"], "kommune", number,
                      (row["county_pre2020"], row["county_2020"], row["county_2024"]))
        for form in [row["name"], *filter(None, row["alt_names"].split("|"))]:
            add(form, place)
    for row in fylker():
        name = row["name"]
        # a county named in the text is that county whatever the year; today's map may lack it
        place = Place(name, "fylke", None, (name, name, name if row["2024"] == "1" else None))
        for form in [name, *filter(None, row["alt_names"].split("|"))]:
            add(form, place)
    for row in regions():
        c20, c24 = row["county_2020"] or None, row["county_2024"] or None
        place = Place(row["name"], "region", None, (c24, c20, c24))
        for form in [row["name"], *filter(None, row["alt_names"].split("|"))]:
            add(form, place)
    for row in foreign():
        place = Place(row["name"], "utland", None, (None, None, None))
        for form in [row["name"], *filter(None, row["alt_names"].split("|"))]:
            add(form, place)
    # Oslo is a municipality and a county: the municipality is what articles mean
    out["Oslo"] = [p for p in out["Oslo"] if p.kind == "kommune"]
    return out


def is_municipality_or_county(form: str) -> bool:
    """Whether `form` names a municipality or a county (`Drammen`, `Berlevåg`, `Vestland`)."""
    return any(p.kind in ("kommune", "fylke") for p in official_entries().get(form, ()))


def counties_of(map_name: str = "2024") -> list[str]:
    """County names on one map (`pre2020`, `2020` or `2024`)."""
    return [row["name"] for row in fylker() if row[map_name] == "1"]
