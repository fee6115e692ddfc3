"""Which of the places a name names the text means, from the words right after it: `kommune`
(`Sunnfjord kommune`: the municipality, not the region), the county or region it lies in
(`Våler i Solør`, `Herøy på Sunnmøre`, `Herøy (Nordland)`)."""

from __future__ import annotations

import re
from functools import lru_cache

from kslib.resources.gazetteer import Place, entries
from kslib.structure.letters import UPPER

#: `i` (or `på`) and a county's or region's name right after a place's (`Våler i Solør`, `Herøy kommune i
#: Nordland`, `Herøy på Sunnmøre`)
_IN_AFTER = re.compile(rf"\s+(?:kommune\s+|herad\s+)?(?:i|på)\s+(([{UPPER}][\w-]*)(?:\s+og\s+[{UPPER}][\w-]*)?)")
#: `på` and a name after a place's: a region's or county's only (`on_region`)
_ON = re.compile(rf"\s+på\s+([{UPPER}][\w-]*)")


def on_region(text: str, end: int) -> bool:
    """Whether `på` and a region's or county's name follow (`Herøy på Sunnmøre`: the place there;
    `Hotel Strand på Gjøvik` names a municipality after `på`, and no place before it)."""
    m = _ON.match(text, end)
    return bool(m) and any(q.kind in ("region", "fylke") for q in entries().get(m.group(1), ()))


#: the noun after a name that says it is a municipality's (`Sunnfjord kommune`: not the region)
_MUNICIPALITY_AFTER = re.compile(r"\s+(?:kommune|kommunes|kommunen|herad|heradet)(?!\w)")


@lru_cache(maxsize=1)
def county_in_brackets() -> re.Pattern:
    """A county's name in brackets right after a place's (`Herøy (Nordland)`, `Våler (Innlandet)`): which
    of the places the name names is meant, and that it is a place."""
    from kslib.resources.gazetteer import fylker

    names = sorted({row["name"] for row in fylker()}, key=len, reverse=True)
    return re.compile(r"\s*\(\s*(" + "|".join(map(re.escape, names)) + r")\s*\)")


def where_written(places: list[Place], text: str, end: int, form: str = "") -> list[Place]:
    """Of the places a name names, the municipality when `kommune` follows it (`Sunnfjord kommune`,
    not the region); of those two municipalities share, the one in the county or region written
    right after it (`Våler i Solør`: the Våler in Innlandet); all of them when that says nothing."""
    if len(places) > 1 and (_MUNICIPALITY_AFTER.match(text, end) or form.endswith(("kommune", "herad"))):
        places = [q for q in places if q.kind == "kommune"] or places
    if len(places) < 2:
        return places
    m = _IN_AFTER.match(text, end) or county_in_brackets().match(text, end)
    if m is None:
        return places
    # the longest name written there (`Møre og Romsdal`, not `Møre`; `Østfold`, not `Østfold og Våler`)
    named = next((entries()[f] for f in m.groups() if f and f in entries()), ())
    within = {c for q in named if q.kind in ("fylke", "region") for c in ((q.name,) if q.kind == "fylke" else q.counties)
              if c}
    narrowed = [q for q in places if within & set(q.counties)]
    return narrowed if len(narrowed) == 1 else places
