"""The tables kslib produces, their columns and explicit dtypes, in one place.

Every frame kslib returns is built with `frame(name, columns)`, so the column
order and dtypes are the same everywhere (README's data dictionary mirrors this).
"""

from __future__ import annotations

from typing import Any

#: Paragraph kinds whose words are counted by default.
COUNT_KINDS = ("title", "heading", "body", "quote", "bullet")


def arrow_schema(name: str):
    """The Arrow schema of a per-document table: `doc` plus the table's columns.

    `doc` is dictionary-encoded in every table but `docs` (one row per document): a
    document's rows are many and together, so lookups by document touch only the
    dictionary, never millions of strings."""
    import pyarrow as pa

    from kslib.schema import SCHEMAS

    types = {"string": pa.string(), "string[pyarrow]": pa.string(), "int32": pa.int32(), "Int64": pa.int64(),
             "boolean": pa.bool_(), "category": pa.string(), "keys": pa.list_(pa.int64())}
    dictionary = pa.dictionary(pa.int32(), pa.string())
    if name == "docs":
        cols = {"reason": "string", "text": "string", "title": "string", "language": "string",
                "n_paragraphs": "int32", "n_words": "int32", "encoding": "string", "text_id": "string",
                "year": "Int64", "year_source": "string", "region": "string", "region_2024": "string",
                "region_source": "string", "year_evidence": "string", "date": "string", "date_source": "string", "url": "string",
                "author": "string", "para_keys": "keys"}
    else:
        cols = {c: t for c, t in SCHEMAS[name].items() if c != "article_id"}
    fields = [pa.field("doc", pa.string() if name == "docs" else dictionary)]
    for col, dtype in cols.items():
        typ = dictionary if (name == "terms" and col in ("token", "lemma", "kind")) else types[dtype]
        fields.append(pa.field(col, typ))
    return pa.schema(fields)


GROUP_LABELS = {"KS": "KS", "elected": "Folkevalgte", "administration": "Administrasjon", "other": "Andre"}
STR = "string[pyarrow]"
INT = "Int64"
I32 = "int32"
CAT = "category"
BOOL = "boolean"
FLOAT = "float64"
#: table -> {column: dtype}; `article_id` joins every table to `articles` (categorical in `terms`,
#: whose tens of millions of rows share a few ids: 4 bytes a row instead of a string).
SCHEMAS: dict[str, dict[str, str]] = {
    "articles": {
        "article_id": STR, "file": STR, "title": STR, "text": STR, "language": CAT,
        "n_paragraphs": I32, "n_words": I32, "duplicate_of": STR, "encoding": STR,
        "year": INT, "year_source": CAT, "year_evidence": STR, "region": STR, "region_2024": STR, "region_source": CAT,
        "date": "datetime64[ns]", "date_source": CAT, "url": STR, "url_slug": STR, "region_office": STR,
        "author": STR,
    },
    "metadata_issues": {"file": STR, "column": STR, "issue": STR},
    "paragraphs": {"article_id": STR, "para_id": I32, "kind": CAT, "text": STR},
    "sentences": {"article_id": STR, "para_id": I32, "sent_id": I32, "text": STR},
    "rejected": {"file": STR, "reason": STR},
    "quotes": {
        "quote_id": STR, "article_id": STR, "para_id": I32, "text": STR, "form": CAT,
        "speaker_id": STR, "cue": STR, "attribution": STR, "source": STR,
    },
    "people": {
        "person_id": STR, "article_id": STR, "name": STR, "role": STR, "organisation": STR,
        "role_group": CAT, "gender": CAT, "gender_source": CAT, "n_quotes": I32, "quoted": BOOL,
    },
    "places": {
        "article_id": STR, "para_id": I32, "mention": STR, "name": STR, "kind": CAT,
        "kommunenummer": STR, "county": STR, "county_2024": STR,
    },
    "terms": {
        "article_id": CAT, "para_id": I32, "token_id": I32, "sent_id": I32, "token": CAT, "lemma": CAT,
        "is_stop": BOOL, "is_name": BOOL, "kind": CAT,
    },
    "themes": {"article_id": STR, "para_id": I32, "theme": CAT, "hits": I32, "terms": STR},
}
#: The kinds of paragraph, in the order their codes follow (`structure.paragraphs.classify` gives them).
PARAGRAPH_KINDS = ("title", "heading", "body", "quote", "bullet", "caption", "photo_credit", "boilerplate")

#: Categories fixed in advance, so frames from different folders concatenate cleanly.
CATEGORIES: dict[tuple[str, str], list[str]] = {
    ("paragraphs", "kind"): list(PARAGRAPH_KINDS),
    ("terms", "kind"): list(PARAGRAPH_KINDS),
    ("articles", "language"): ["nb", "nn", "other"],
    ("articles", "year_source"): ["metadata", "page", "document", "text", "url"],
    ("articles", "date_source"): ["metadata", "page", "document", "text"],
    ("articles", "region_source"): ["metadata", "url", "text"],
    ("quotes", "form"): ["dash", "guillemets"],
    ("people", "role_group"): ["KS", "elected", "administration", "other"],
    ("people", "gender"): ["F", "M"],
    ("people", "gender_source"): ["name", "pronoun"],
    ("places", "kind"): ["kommune", "fylke", "region", "sted", "utland"],
}


def frame(name: str, data: Any = None, copy: bool = True):
    """A DataFrame for table `name` with its columns in order and explicit dtypes.

    `data` is anything `pandas.DataFrame` accepts (dict of lists, records, a frame);
    missing columns are added as all-missing.
    """
    import pandas as pd

    schema = SCHEMAS[name]
    df = data if isinstance(data, pd.DataFrame) and not copy else pd.DataFrame(data if data is not None else {})
    for col in schema:
        if col not in df.columns:
            df[col] = pd.NA
    df = df[list(schema) + [c for c in df.columns if c not in schema]]
    for col, dtype in schema.items():
        if dtype == CAT:
            cats = CATEGORIES.get((name, col))
            if isinstance(df[col].dtype, pd.CategoricalDtype):
                if cats is not None and list(df[col].cat.categories) != cats:
                    df[col] = df[col].cat.set_categories(cats)
            elif cats is not None:
                df[col] = pd.Categorical(df[col].astype("object").where(df[col].notna(), None), categories=cats)
            else:
                df[col] = df[col].astype("category")
        elif str(df[col].dtype) == dtype or (dtype == STR and str(df[col].dtype) == "string"
                                               and getattr(df[col].dtype, "storage", "") == "pyarrow"):
            continue  # already right: no copy of a large column
        elif dtype in (I32,):
            df[col] = df[col].astype("int32")
        else:
            df[col] = df[col].astype(dtype)
    return df.reset_index(drop=True)

#: Norwegian names of the genders, and of a gender not known.
GENDER_LABELS = {"F": "Kvinner", "M": "Menn", "ukjent": "Ukjent"}

#: Paragraph kinds that are not the article's content (navigation, photo credits): no quotes,
#: people, places or word counts come from them.
NON_CONTENT_KINDS = frozenset({"boilerplate", "photo_credit"})
#: How a missing value is shown in a count or a displayed table.
UNKNOWN = "ukjent"
#: The codes of the tables as a Norwegian reader reads them (role groups, genders, regions, languages).
DISPLAY_VALUES = {"KS": "KS", "elected": "folkevalgt", "administration": "administrasjon", "other": "andre",
                  "national": "nasjonalt", "F": "kvinne", "M": "mann", "nb": "bokmål", "nn": "nynorsk",
                  "other_language": "annet"}


def fill_unknown(values):
    """A Series with its missing values as `UNKNOWN` (object dtype)."""
    return values.astype("object").where(values.notna(), UNKNOWN)
