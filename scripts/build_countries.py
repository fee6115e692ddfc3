"""Build kslib/resources/gazetteer/countries.csv: the world's countries and territories by
their Norwegian names, kind `utland` in the places.

Source: the Debian iso-codes project's ISO 3166-1 list with its bokmål (nb_NO) and nynorsk
(nn) translations, as shipped in the `pycountry` package on PyPI (LGPL-2.1; the translations
are the Translation Project's). The wheel is downloaded without dependencies and only its
data and translation files are read. The bokmål name is the name; the nynorsk name, where
it differs, is an alternative spelling. A few official long forms are written as Norwegian
news writes them (`SHORT`), and some entries are left out (`LEFT_OUT`): Norway's own
territories, and names that are also everyday Norwegian words (`Man`). Names the gazetteer
already has (`foreign.csv`: Danmark, Tyskland ...) are left to it. Rerun with

    .venv/bin/python scripts/build_countries.py
"""

from __future__ import annotations

import csv
import gettext
import json
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "kslib" / "resources" / "gazetteer" / "countries.csv"
VERSION = "26.2.16"
#: ISO codes whose official Norwegian name is a long form: the name news uses
SHORT = {"BO": "Bolivia", "BN": "Brunei", "CD": "Den demokratiske republikken Kongo", "FM": "Mikronesia",
         "IR": "Iran", "KP": "Nord-Korea", "KR": "Sør-Korea", "LA": "Laos", "MD": "Moldova",
         "PS": "Palestina", "RU": "Russland", "SY": "Syria", "TW": "Taiwan", "TZ": "Tanzania",
         "US": "USA", "VE": "Venezuela", "SZ": "Eswatini", "BQ": "Bonaire", "MF": "Saint-Martin",
         "SX": "Sint Maarten", "SH": "St. Helena", "CZ": "Tsjekkia", "MK": "Nord-Makedonia", "TR": "Tyrkia"}
#: other names Norwegian text uses for a country
EXTRA = {"US": ["De forente stater"], "BY": ["Belarus"], "GB": ["Det forente kongeriket"],
         "RU": ["Den russiske føderasjon"]}
#: Norway and its territories, and names that are everyday words or an island's one-word name
LEFT_OUT = {"NO", "SJ", "BV", "IM", "JE", "GG", "UM", "IO", "TF", "HM", "GS"}


def _translations(folder: Path):
    subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "-q", "-d", str(folder),
                    f"pycountry=={VERSION}"], check=True)
    wheel = next(folder.glob("pycountry-*.whl"))
    with zipfile.ZipFile(wheel) as z:
        countries = json.loads(z.read("pycountry/databases/iso3166-1.json"))["3166-1"]
        out = {}
        for lang in ("nb_NO", "nn"):
            mo = folder / f"{lang}.mo"
            mo.write_bytes(z.read(f"pycountry/locales/{lang}/LC_MESSAGES/iso3166-1.mo"))
            with mo.open("rb") as f:
                out[lang] = gettext.GNUTranslations(f)
    return countries, out["nb_NO"], out["nn"]


def _norwegian(name: str) -> bool:
    """A usable alternative spelling: not an English leftover, not a long form with a comma."""
    return not any(mark in name for mark in (",", "(", " and ", "Czechia", "North ", "Portugual", "Türkiye"))


def build(countries, nb, nn) -> list[dict]:
    from kslib.resources.gazetteer import official_entries

    known = official_entries()
    rows = []
    for c in countries:
        code = c["alpha_2"]
        if code in LEFT_OUT:
            continue
        name = SHORT.get(code) or nb.gettext(c["name"])
        if "," in name or "(" in name or name in known:
            continue
        alts = [a.strip() for a in nn.gettext(c["name"]).split(";")] + EXTRA.get(code, [])
        alts = sorted({a for a in alts if a != name and _norwegian(a) and a not in known})
        rows.append({"name": name, "country": name, "alt_names": "|".join(alts)})
    return sorted(rows, key=lambda r: r["name"])


HEADER = """\
# The world's countries and territories by their Norwegian names (kind `utland`): bokmål name,
# nynorsk and other spellings in alt_names. Source: Debian iso-codes ISO 3166-1 with its nb_NO
# and nn translations, as shipped in pycountry {version} (PyPI, LGPL-2.1). Built by
# scripts/build_countries.py; Norway's territories, `Man` and names foreign.csv has are left out.
"""


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        rows = build(*_translations(Path(tmp)))
    with OUT.open("w", encoding="utf-8", newline="") as f:
        f.write(HEADER.format(version=VERSION))
        writer = csv.DictWriter(f, fieldnames=["name", "country", "alt_names"], lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    print(f"{len(rows)} countries -> {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
