"""Place mentions to counts per county (on one county map) and per municipality."""

from __future__ import annotations


def count_by_county(articles, places, *, map_year: str = "article") -> "object":
    """Articles and mentions per county, with a zero row for every county never mentioned.

    map_year: `article` (each article's own year's map; every county of any map
    that occurs), or `2024` (today's map). Columns: `county`, `n_articles`
    (articles whose region it is), `n_mentions` (place mentions in it),
    `n_articles_mentioning`.
    """
    import pandas as pd

    from kslib.resources.gazetteer import counties_of

    if map_year == "2024":
        county_col, region_col = "county_2024", "region_2024"
        counties = counties_of("2024")
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
