"""Place mentions to counts per county (on one county map) and per municipality."""

from __future__ import annotations


def regions_on_2024_map(articles, places):
    """Each article's county on today's map (2024): its `region_2024`, else, for an article
    about a county that no longer exists (Viken, Troms og Finnmark ...), the 2024 county
    most of its municipalities lie in. Returns a frame `article_id`, `region`, `region_2024`,
    `placed` (`region`, `municipalities`, `national`, `none` or `not on the map`)."""
    import pandas as pd

    a = articles[["article_id", "region", "region_2024"]].copy()
    k = places[places["kind"] == "kommune"].dropna(subset=["county_2024"])
    counts = k.groupby(["article_id", "county_2024"], observed=True).size().reset_index(name="n")
    counts = counts.sort_values(["article_id", "n", "county_2024"], ascending=[True, False, True])
    by_places = counts.drop_duplicates("article_id").set_index("article_id")["county_2024"]
    from kslib.resources.gazetteer import counties_of

    today = set(counties_of("2024"))
    placed = pd.Series("none", index=a.index, dtype=object)
    placed[a["region"] == "national"] = "national"
    has_region = a["region"].notna() & (a["region"] != "national")
    placed[has_region & a["region"].isin(today)] = "region"
    old = has_region & ~a["region"].isin(today)  # a county of an earlier map (Viken, Troms og Finnmark)
    missing = old & (a["region_2024"].isna() | ~a["region_2024"].isin(today))
    a.loc[missing, "region_2024"] = a.loc[missing, "article_id"].map(by_places)
    on_map = a["region_2024"].isin(today)
    placed[old & on_map] = "municipalities"
    placed[old & ~on_map] = "not on the map"
    a["placed"] = placed
    return a


def county_basis(articles, places) -> str:
    """What a chart of articles per county rests on, for its footer: `5 av 40 artikler har et
    fylke; 35 handler om hele landet` (and those with neither, or off today's map)."""
    from kslib import norwegian

    placed = regions_on_2024_map(articles, places)["placed"]
    on_map = int(placed.isin(["region", "municipalities"]).sum())
    text = f"{norwegian.number(on_map)} av {norwegian.count(len(placed), 'artikkel', 'artikler')} har et fylke"
    national = int((placed == "national").sum())
    rest = len(placed) - on_map - national
    if national:
        text += f"; {norwegian.number(national)} handler om hele landet"
    if rest:
        text += f"; {norwegian.number(rest)} uten fylke på 2024-kartet"
    return text


def describe_map(articles, places) -> str:
    """One sentence on the articles whose county is not on the 2024 map and where they went."""
    from kslib import norwegian

    a = regions_on_2024_map(articles, places)
    moved, lost = a[a["placed"] == "municipalities"], a[a["placed"] == "not on the map"]
    if not len(moved) and not len(lost):
        return "Alle artikler med et fylke er på 2024-kartet."
    old = norwegian.listing(sorted(set(moved["region"]) | set(lost["region"])))
    n = len(moved) + len(lost)
    text = (f"{norwegian.count(n, 'artikkel handler', 'artikler handler')} om fylker som ikke "
            f"finnes på 2024-kartet ({old})")
    if len(moved):
        text += f"; {norwegian.number(len(moved))} er plassert etter kommunene {'den' if len(moved) == 1 else 'de'} nevner"
    if len(lost):
        text += f"; {norwegian.number(len(lost))} nevner ingen kommune og er ikke på kartet"
    return text + "."


def count_by_county(articles, places, *, map_year: str = "2024") -> "object":
    """Articles and mentions per county of one map, with a zero row for every county never mentioned.

    map_year: `2024` (today's map, the default: an article about a county that no longer
    exists is placed by the municipalities it mentions, see `regions_on_2024_map`), or
    `article` (each article's own year's map, every county of any map that occurs: two
    maps in one list, for comparison only). Columns: `county`, `n_articles` (articles
    whose region it is), `n_mentions` (place mentions in it), `n_articles_mentioning`.
    """
    import pandas as pd

    from kslib.resources.gazetteer import counties_of

    if map_year == "2024":
        county_col, region_col = "county_2024", "region_2024"
        counties = counties_of("2024")
        regions = regions_on_2024_map(articles, places)[region_col].dropna()
    else:
        county_col, region_col = "county", "region"
        counties = list(dict.fromkeys(counties_of("2024") + [c for c in articles[region_col].dropna().unique()
                                                               if c != "national"]))
        regions = articles[region_col].dropna()
    regions = regions[regions != "national"]
    mentions = places.dropna(subset=[county_col])
    out = pd.DataFrame({"county": counties})
    out["n_articles"] = out["county"].map(regions.value_counts()).fillna(0).astype("int32")
    out["n_mentions"] = out["county"].map(mentions[county_col].value_counts()).fillna(0).astype("int32")
    out["n_articles_mentioning"] = out["county"].map(
        mentions.drop_duplicates(["article_id", county_col])[county_col].value_counts()).fillna(0).astype("int32")
    return out.sort_values(["n_articles", "n_mentions", "county"], ascending=[False, False, True], ignore_index=True)


def count_by_municipality(places) -> "object":
    """Mentions and articles per municipality on today's map, zero rows for those never mentioned."""
    import pandas as pd

    from kslib.resources.gazetteer import kommuner

    rows = [r for r in kommuner() if r["status"] in ("active", "from_2024")]
    out = pd.DataFrame({"name": [r["name"] for r in rows], "kommunenummer": [r["kommunenummer_2024"] for r in rows],
                        "county_2024": [r["county_2024"] for r in rows],
                        "lon": [float(r["lon"]) for r in rows], "lat": [float(r["lat"]) for r in rows]})
    k = places[places["kind"] == "kommune"]
    out["n_mentions"] = out["name"].map(k["name"].value_counts()).fillna(0).astype("int32")
    out["n_articles"] = out["name"].map(k.drop_duplicates(["article_id", "name"])["name"].value_counts()) \
        .fillna(0).astype("int32")
    return out.sort_values(["n_mentions", "name"], ascending=[False, True], ignore_index=True)
