"""Metadata beside the articles: dates, URLs, titles, regions, authors.

A folder may hold `metadata.csv` (or `.tsv`, `.json`, `.parquet`) with one row
per article file, keyed by `file` (the path relative to the folder, as in
`articles.file`). Known columns: `date` (`YYYY-MM-DD` or `DD.MM.YYYY`), `url`,
`title`, `region`, `author`; any other column is kept as `meta_<name>`. Known
fields win over what the text suggests: `date` gives `year` (`year_source` =
`metadata`), `title` replaces the detected headline, `region` the inferred
region (`region_source` = `metadata`); a KS regional URL
(`/regioner/ks-vestland/...`) gives the region when the file has none, else a county the
page's own name names (`.../ks-barnevernloft-i-vestland-er-i-gang/`), before the text's.
Bad metadata never loses an article: every problem becomes a row of
`metadata_issues` (`file`, `column`, `issue`) and a warning.
"""

from __future__ import annotations

import re
import warnings
from functools import lru_cache
from pathlib import Path

from kslib.read.files import METADATA_NAMES
from kslib.schema import CATEGORIES

NAMES = METADATA_NAMES  # defined where the folder is walked
#: Where a date or year comes from, strongest first: the metadata file, the web page's own
#: publication date, a Word file's or PDF's document properties, the article's text.
DATE_SOURCES = CATEGORIES[("articles", "date_source")]
KNOWN = ("file", "date", "url", "title", "region", "author")
_KS_REGION = re.compile(r"/regioner/ks-([a-z0-9æøå-]+)", re.I)


def _NA():
    import pandas as pd

    return pd.NA


def find_metadata(root: Path) -> Path | None:
    """The metadata file in `root`, if any (csv before tsv, json, parquet, then a `MANIFEST.tsv`;
    the name in any case)."""
    try:
        present = {p.name.lower(): p for p in Path(root).iterdir() if p.name.lower() in NAMES and p.is_file()}
    except OSError:
        return None
    return next((present[name] for name in NAMES if name in present), None)


#: Dates outside these years are not article dates (a typo, Excel's day 0 of 1899/1900, a
#: placeholder 0001-01-01): reported, not used. The last year allowed is next year.
FIRST_YEAR = 1990
_DELIMITERS = ",;\t|"


def read_metadata(path: Path, issues: list | None = None):
    """The metadata file as a frame of strings (None where empty) with lower-case column names.

    CSV and TSV are decoded like the articles (UTF-8, UTF-16 with BOM, or the Windows-1252
    that Excel writes) and split with the csv module (delimiter sniffed among `,;<tab>|`);
    a row whose number of fields differs from the header's is skipped and reported in
    `issues` as (file, column, issue), never shifted into other columns."""
    import pandas as pd

    from kslib.read.decode import decode_bytes

    path = Path(path)
    if path.suffix in (".csv", ".tsv"):
        decoded = decode_bytes(path.read_bytes())
        if decoded.text is None:
            raise ValueError(decoded.reason)
        df = _split_rows(decoded.text.lstrip("\ufeff"), "\t" if path.suffix == ".tsv" else None, path.name, issues)
    elif path.suffix == ".json":  # records or columns; every value read as written (no float titles)
        import json

        value = json.loads(path.read_text(encoding="utf-8-sig"))
        df = pd.DataFrame(value, dtype=object)
    else:
        df = pd.read_parquet(path)
    df.columns = [str(c).strip().lower() for c in df.columns]
    df = df.astype("object")
    return df.map(_cell) if hasattr(df, "map") else df.applymap(_cell)


def _cell(value):
    """A metadata value as stripped text, None when empty (a number in a JSON title is text)."""
    import math

    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    try:
        import pandas as pd

        if value is pd.NA or value is pd.NaT:
            return None
    except ImportError:  # pragma: no cover
        pass
    text = str(value).strip()
    return text or None


def _split_rows(text: str, delimiter: str | None, name: str, issues: list | None):
    import csv
    import io

    import pandas as pd

    if delimiter is None:
        sample = text[:8192]
        try:
            delimiter = csv.Sniffer().sniff(sample, delimiters=_DELIMITERS).delimiter
        except csv.Error:
            first = sample.split("\n", 1)[0]
            delimiter = max(_DELIMITERS, key=first.count)
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))  # quoted cells may hold line breaks
    rows = [r for r in rows if any(cell.strip() for cell in r)]
    if not rows:
        return pd.DataFrame()
    header, body, kept = rows[0], rows[1:], []
    for number, row in enumerate(body, start=2):
        if len(row) != len(header):
            if issues is not None:
                issues.append((name, None, f"row {number} has {len(row)} fields, the header {len(header)}: "
                                           "row skipped"))
            continue
        kept.append(row)
    return pd.DataFrame(kept, columns=header, dtype="object")


def parse_date(value):
    """`YYYY-MM-DD` or `DD.MM.YYYY` (also `D.M.YYYY`) to a Timestamp, else None (also for dates
    pandas cannot hold, such as 0001-01-01)."""
    import pandas as pd

    if value is None:
        return None
    text = str(value).strip()
    for pattern, fmt in ((r"\d{4}-\d{1,2}-\d{1,2}", "%Y-%m-%d"), (r"\d{1,2}\.\d{1,2}\.\d{4}", "%d.%m.%Y")):
        if re.fullmatch(pattern, text):
            try:
                return pd.Timestamp(pd.to_datetime(text, format=fmt))
            except (ValueError, OverflowError):
                return None
    return None


def plausible(date) -> bool:
    """True for a date within `FIRST_YEAR` .. next year."""
    import datetime

    return FIRST_YEAR <= date.year <= datetime.date.today().year + 1


def region_from_url(url: str | None) -> str | None:
    """The county of a KS regional URL (`.../regioner/ks-vestland/...` -> `Vestland`)."""
    if url is None or url is _NA() or not str(url):
        return None
    m = _KS_REGION.search(str(url))
    if not m:
        return None
    slug = _fold(m.group(1))
    return next((name for name, words in _county_slugs() if "-".join(words) == slug), None)


def _fold(text: str) -> str:
    """`Møre-og-Romsdal` and `more-og-romsdal` alike: URLs often drop æ ø å."""
    return text.lower().replace("æ", "ae").replace("ø", "o").replace("å", "a")


@lru_cache(maxsize=1)
def _county_slugs() -> tuple[tuple[str, tuple[str, ...]], ...]:
    """Every county's name (of any county map) with the words a URL writes it in
    (`Møre og Romsdal` -> `more`, `og`, `romsdal`)."""
    from kslib.resources.gazetteer import fylker

    return tuple((row["name"], tuple(_fold(re.sub(r"[\s-]+", "-", row["name"])).split("-"))) for row in fylker())


#: The capital, where national meetings are held: in a page's name a place of meeting more often
#: than what the page is about (`landsting-i-oslo`).
_SLUG_NOT_REGION = frozenset({"Oslo"})


def region_from_slug(slug: str | None) -> str | None:
    """The county a page's own name (the last part of its address, written from its headline)
    names, when it names one and only one: `ks-barnevernloft-i-vestland-er-i-gang` -> `Vestland`,
    `nytt-styre-i-ks-vestfold-og-telemark` -> `Vestfold og Telemark` (not Vestfold, nor Telemark).
    On dev and dev2 (2026-12-07) the gold's region was that county in all 9 pages whose name
    named one."""
    if not isinstance(slug, str) or not slug:
        return None
    parts = tuple(_fold(slug).split("-"))
    found = []  # (start, end, county) of every county name as whole parts of the slug
    for name, words in _county_slugs():
        found += [(i, i + len(words), name) for i in range(len(parts) - len(words) + 1)
                  if parts[i : i + len(words)] == words]
    # a name inside a longer one (`vestfold` in `vestfold-og-telemark`) is part of it
    names = {n for a, b, n in found if not any(c <= a and b <= d and (c, d) != (a, b) for c, d, _ in found)}
    return names.pop() if len(names) == 1 and not names & _SLUG_NOT_REGION else None


def slug_from_url(url: str | None) -> str | None:
    """The last part of a URL's path, readable (`ny-avtale-om-lonn`)."""
    if url is None or url is _NA() or not str(url):
        return None
    path = re.sub(r"[?#].*$", "", str(url)).rstrip("/")
    last = path.rsplit("/", 1)[-1]
    return last or None


def merge_metadata(articles, root: Path):
    """(articles with metadata merged, metadata_issues frame) for the folder `root`."""
    import pandas as pd

    from kslib.schema import frame

    issues: list[tuple] = []
    path = find_metadata(root)
    articles = articles.copy()
    for col in ("date", "url", "author", "url_slug", "region_office"):
        if col not in articles.columns:
            articles[col] = pd.Series([pd.NA] * len(articles), dtype="string" if col != "date" else "datetime64[ns]")
    if "date_source" not in articles.columns:
        articles["date_source"] = pd.Categorical([None] * len(articles), categories=DATE_SOURCES)
    if path is None:
        return articles, frame("metadata_issues")
    try:
        meta = read_metadata(path, issues)
    except Exception as exc:  # an unreadable metadata file must not stop the articles loading
        issues.append((path.name, None, f"metadata file could not be read: {type(exc).__name__}: {exc}"))
        warnings.warn(f"kslib: {issues[-1][2]}", stacklevel=3)
        return articles, _issues(issues)
    if "file" not in meta.columns:
        issues.append((path.name, None, "no `file` column: the metadata cannot be matched to articles"))
        warnings.warn(f"kslib: {path.name}: {issues[-1][2]}", stacklevel=3)
        return articles, _issues(issues)
    meta["file"] = meta["file"].map(lambda f: str(f).strip().replace("\\", "/") if f is not None else None)
    dup = meta["file"].duplicated(keep="first") & meta["file"].notna()
    for f in meta.loc[dup, "file"]:
        issues.append((f, "file", "duplicate row for this file: the first one is used"))
    meta = meta[~dup & meta["file"].notna()]
    known_files = set(articles["file"].astype(str))
    for f in meta["file"]:
        if f not in known_files:
            issues.append((f, "file", "no article file with this name"))
    for f in sorted(known_files - set(meta["file"])):
        issues.append((f, "file", "article has no metadata row"))
    extra = [c for c in meta.columns if c not in KNOWN]
    for c in extra:
        issues.append((path.name, c, f"unknown column kept as meta_{c}"))
    meta = meta.rename(columns={c: f"meta_{c}" for c in extra}).set_index("file")

    rows = articles["file"].astype(str)
    get = lambda col: rows.map(meta[col]) if col in meta.columns else pd.Series([None] * len(rows))  # noqa: E731
    dates = get("date")
    parsed = dates.map(parse_date)
    for i, (f, raw, ok) in enumerate(zip(rows, dates, parsed)):
        if isinstance(raw, str) and raw.strip() and pd.isna(ok):
            issues.append((f, "date", f"unparseable date {raw!r} (use YYYY-MM-DD or DD.MM.YYYY)"))
        elif not pd.isna(ok) and not plausible(ok):
            issues.append((f, "date", f"date {raw!r} is outside {FIRST_YEAR}-next year: not used"))
            parsed.iloc[i] = None
    dates = pd.to_datetime(parsed.astype("object").where(parsed.notna(), None)).astype("datetime64[ns]")
    has_date = dates.notna()  # the metadata file wins over what the file itself says
    articles["date"] = dates.where(has_date, articles["date"])
    articles["date_source"] = articles["date_source"].astype("object")
    articles.loc[has_date, "date_source"] = "metadata"
    articles["date_source"] = pd.Categorical(articles["date_source"], categories=DATE_SOURCES)
    articles.loc[has_date, "year"] = articles.loc[has_date, "date"].dt.year.astype("Int64")
    articles["year_source"] = articles["year_source"].astype("object")
    articles.loc[has_date, "year_source"] = "metadata"
    articles["year_evidence"] = articles["year_evidence"].astype("object")
    articles.loc[has_date, "year_evidence"] = [f"the metadata file's date: «{d:%Y-%m-%d}»"
                                               for d in articles.loc[has_date, "date"]]
    articles["year_evidence"] = articles["year_evidence"].astype("string")
    for col in ("url", "author"):
        articles[col] = get(col).astype("string").fillna(articles[col].astype("string"))
    titles = get("title")
    articles["title"] = titles.where(titles.notna(), articles["title"].astype("object")).astype("string")
    articles["url_slug"] = articles["url"].map(slug_from_url).astype("string")
    office = articles["url"].map(region_from_url)
    named = articles["url_slug"].map(region_from_slug)  # the county the page's name names
    articles["region_office"] = office.map(lambda r: f"KS {r}" if isinstance(r, str) else None).astype("string")
    region = get("region")
    known_regions = _known_regions()
    for i, (f, value) in enumerate(zip(rows, region)):
        if isinstance(value, str):
            name = known_regions.get(value.lower())
            if name is None:
                issues.append((f, "region", f"unknown region {value!r} (not a county in the gazetteer, nor "
                                            "'national'): not used"))
            region.iloc[i] = name
    articles["region_source"] = articles["region_source"].astype("object")
    for source, values in (("url", named), ("url", office), ("metadata", region)):
        mask = values.notna().to_numpy()
        articles.loc[mask, "region"] = values[mask].to_numpy()
        articles.loc[mask, "region_source"] = source
        from kslib.resources.gazetteer import counties_of

        today = set(counties_of("2024"))
        articles.loc[mask, "region_2024"] = [v if v in today else None for v in values[mask]]
    for c in meta.columns:
        if c.startswith("meta_"):
            articles[c] = get(c)
    articles["year_source"] = pd.Categorical(articles["year_source"], categories=CATEGORIES[("articles", "year_source")])
    articles["region_source"] = pd.Categorical(articles["region_source"],
                                             categories=CATEGORIES[("articles", "region_source")])
    if issues:
        first = "; ".join(f"{f}: {issue}" for f, _, issue in issues[:3])
        warnings.warn(f"kslib: {len(issues)} metadata issue(s) in {path.name} ({first}"
                      f"{' ...' if len(issues) > 3 else ''}); see corpus.metadata_issues", stacklevel=3)
    return articles, _issues(issues)


def _known_regions() -> dict[str, str]:
    """Lower-cased county names and other written forms of every county map in the gazetteer,
    and `national`, each to its name."""
    from kslib.resources.gazetteer import fylker

    out = {"national": "national", "nasjonalt": "national"}
    for row in fylker():
        for form in [row["name"], *filter(None, (row.get("alt_names") or "").split("|"))]:
            out[form.strip().lower()] = row["name"]
    return out


def _issues(rows):
    import pandas as pd

    from kslib.schema import frame

    return frame("metadata_issues", pd.DataFrame(rows, columns=["file", "column", "issue"]))
