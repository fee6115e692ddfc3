"""One article's bytes to every table kslib derives from it.

`parse_document` is the single per-file step: the cache stores its result keyed
by the file's content hash, and the process pool and the Dask engine run it
unchanged. It returns plain columns (dict of lists) so that thousands of results
concatenate cheaply; `kslib.corpus` turns them into typed frames.
"""

from __future__ import annotations

import gc
from collections import defaultdict
from contextlib import contextmanager
from typing import Iterable

from kslib.extract.attribution import find_quotes
from kslib.extract.dates import infer_year_evidence
from kslib.extract.duplicates import paragraph_keys
from kslib.extract.places import article_places, article_region, extract_places
from kslib.extract.organisations import organisation_of, role_group
from kslib.read.decode import read_article
from kslib.read.files import text_id
from kslib.schema import NON_CONTENT_KINDS, arrow_schema
from kslib.structure import paragraphs as structure
from kslib.structure.sentences import split_sentences

#: Tables produced per document, each keyed by `doc` (the file's content hash).
DOC_TABLES = ("docs", "paragraphs", "sentences", "quotes", "people", "places", "terms", "themes")
#: Of these, the ones `parse_many` builds for a whole chunk at once; the rest go through columns.
CHUNK_TABLES = ("terms", "themes")
_COLUMN_TABLES = tuple(name for name in DOC_TABLES if name not in CHUNK_TABLES)
Columns = dict[str, list]


def _columns() -> dict[str, Columns]:
    return {name: defaultdict(list) for name in _COLUMN_TABLES}


def _add(table: Columns, **values) -> None:
    for key, value in values.items():
        table[key].append(value)


def _extend(table: Columns, **values: list) -> None:
    for key, value in values.items():
        table[key].extend(value)


def parse_document(doc: str, raw: bytes):
    """Parse one file's bytes into columns for the per-document tables, and what its
    terms are computed from (`terms.ArticleWords`; `parse_many` builds the `terms` and
    `themes` tables for a whole chunk at once).

    A file that cannot become an article gives a `docs` row with a `reason`, no other
    rows, and no words.
    """
    from kslib.structure.language import detect_language
    from kslib.structure.tokens import ArticleWords

    out = _columns()
    decoded = read_article(raw)
    if decoded.text is None:
        _add(out["docs"], **_doc_row(doc, decoded.reason, decoded.encoding))
        return out, None
    text = decoded.text
    paragraphs = structure.classify(text)
    content = [p for p in paragraphs if p.kind not in NON_CONTENT_KINDS]
    if not any(structure.WORD.search(p.text) for p in content):
        _add(out["docs"], **_doc_row(doc, "no article content (only photo credits or navigation)",
                                     decoded.encoding))
        return out, None

    body_text = "\n".join(p.text for p in content)
    _extend(out["paragraphs"], doc=[doc] * len(paragraphs), para_id=[p.para_id for p in paragraphs],
            kind=[p.kind for p in paragraphs], text=[p.text for p in paragraphs])
    sentences = [(p.para_id, split_sentences(p.text)) for p in paragraphs]
    _extend(out["sentences"], doc=[doc] * sum(len(ss) for _, ss in sentences),
            para_id=[para_id for para_id, ss in sentences for _ in ss],
            sent_id=[s for _, ss in sentences for s in range(len(ss))], text=[s for _, ss in sentences for s in ss])

    language = detect_language(body_text)
    units, people, name_spans = find_quotes(paragraphs)  # people, then quotes and their speakers
    known = decoded.meta or {}  # what a web page, Word file or PDF says of itself
    year, evidence = infer_year_evidence([p.text for p in paragraphs])
    year_source = "text" if year is not None else None
    if known.get("date") and known.get("source") == "page":
        # a page's publication date settles the year; a Word file's or PDF's creation date
        # (a template's, a print's) does not: it stays a `date` with its source
        year, year_source = int(known["date"][:4]), known["source"]
        evidence = f"the page's publication date: «{known['date']}»"
    mentions = extract_places(paragraphs, year, name_spans, frozenset(p.surname for p in people))
    region, region_2024 = article_region(paragraphs, mentions, year)
    _add(out["docs"], **_doc_row(doc, None, decoded.encoding, text=text, title=structure.find_title(paragraphs),
                                 language=language, n_paragraphs=len(paragraphs),
                                 text_id=text_id(text),  # n_words: from the terms, in `parse_many`
                                 year=year, year_source=year_source, year_evidence=evidence,
                                 date=known.get("date"),
                                 date_source=known.get("source") if known.get("date") else None,
                                 url=known.get("url"), author=known.get("author"),
                                 region=region, region_2024=region_2024, region_source="text",
                                 para_keys=paragraph_keys(paragraphs)))
    _add_quotes(out["quotes"], doc, units)
    _add_people(out["people"], doc, people)
    _add_places(out["places"], doc, article_places(mentions, region, year), year)
    words = ArticleWords(doc, language or "nb", paragraphs, frozenset(w for p in people for w in p.tokens), name_spans)
    return out, words


def _add_quotes(table: Columns, doc: str, units) -> None:
    for u in units:
        _add(table, doc=doc, quote_id=u.local_id, para_id=u.para_id, text=u.text.strip(), form=u.form,
             speaker_id=u.speaker.local_id if u.speaker else None, cue=u.cue, attribution=u.attribution,
             source=u.source)
        # a quote two people give (`sier Nordmann og Hansen`) is a row for each of them
        for k, other in enumerate(u.co_speakers, 2):
            _add(table, doc=doc, quote_id=f"{u.local_id}-{k}", para_id=u.para_id, text=u.text.strip(),
                 form=u.form, speaker_id=other.local_id, cue=u.cue, attribution=u.attribution, source=None)


def _add_people(table: Columns, doc: str, people) -> None:
    for p in people:
        org = organisation_of(p.role)
        _add(table, doc=doc, person_id=p.local_id, name=p.name, role=p.role, organisation=org,
             role_group=role_group(p.role, org), gender=p.gender, gender_source=p.gender_source,
             n_quotes=p.n_quotes, quoted=p.n_quotes > 0)


def _add_places(table: Columns, doc: str, mentions, year: int | None) -> None:
    for m in mentions:
        place = m["place"]
        _add(table, doc=doc, para_id=m["para_id"], mention=m["mention"], name=place.name, kind=place.kind,
             kommunenummer=place.kommunenummer, county=place.county_in(year), county_2024=place.counties[2])


def _doc_row(doc: str, reason: str | None, encoding: str | None, **values) -> dict:
    """One `docs` row with every column present."""
    row = dict(doc=doc, reason=reason, text=None, title=None, language=None, n_paragraphs=0, n_words=0,
               encoding=encoding, text_id=None, year=None, year_source=None, region=None, region_2024=None,
               region_source=None, year_evidence=None, date=None, date_source=None, url=None, author=None, para_keys=[])
    row.update(values)
    return row


def merge(results: Iterable[dict[str, Columns]]) -> tuple[dict[str, Columns], dict[str, list[int]]]:
    """Concatenate many `parse_document` results column by column; also returns each
    document's number of rows per table (what `to_arrow` builds the `doc` column from)."""
    merged = _columns()
    rows: dict[str, list[int]] = {name: [] for name in _COLUMN_TABLES}
    for result in results:
        for name, cols in result.items():
            target = merged[name]
            rows[name].append(len(cols.get("doc", ())))
            for key, values in cols.items():
                target[key].extend(values)
    return merged, rows


def to_arrow(columns: dict[str, Columns], rows: dict[str, list[int]], docs: list[str]) -> dict[str, "object"]:
    """Columns of the per-document tables (all but `CHUNK_TABLES`) as Arrow tables with fixed
    schemas; `docs` are the documents in order and `rows` their numbers of rows per table
    (from `merge`)."""
    import numpy as np
    import pyarrow as pa

    doc_values = pa.array(docs, pa.string())
    codes = np.arange(len(docs), dtype=np.int32)
    out = {}
    for name in _COLUMN_TABLES:
        schema = arrow_schema(name)
        cols = columns.get(name, {})
        n = len(cols.get("doc", []))
        arrays = []
        for field in schema:
            if field.name == "doc" and name != "docs":
                arrays.append(pa.DictionaryArray.from_arrays(np.repeat(codes, rows[name]), doc_values))
                continue
            values = cols.get(field.name, [None] * n)
            if pa.types.is_dictionary(field.type):
                arrays.append(pa.array(values, pa.string()).dictionary_encode())
            else:
                arrays.append(pa.array(values, field.type))
        out[name] = pa.Table.from_arrays(arrays, schema=schema)
    return out


#: A small article that touches every extractor's word lists (names, titles, cue verbs, places,
#: dates, themes, lemmas): parsed once by `warm_up`, which loads lingua's models itself.
_WARM_UP_ARTICLE = """Nytt løft for skolen i Bodø

- Vi må satse mer på barnehagen, sier ordfører Kari Nordmann (Ap) i Bodø kommune.

Mandag 22. januar 2024 møttes fylkesrådet i Nordland. «Dette er en god dag for kommunene», sa hun.

Foto: Ola Nordmann
"""


def warm_up() -> None:
    """Load every word list, automaton and model the parsers use, by parsing one small article,
    before worker processes are forked: they then share them instead of each loading its own."""
    from kslib.structure.language import warm_detector
    from kslib.structure.tokens import warm_lemmatizer

    warm_lemmatizer()
    warm_detector()  # the warm-up article is clear bokmål: lingua would not be asked
    parse_many([("warm-up", _WARM_UP_ARTICLE.encode("utf-8"))])


#: Allocations between two young-generation garbage collections while parsing (Python's default is 700).
GC_YOUNG_THRESHOLD = 20_000


@contextmanager
def _fewer_collections():
    """Run the cyclic garbage collector less often: parsing allocates millions of short-lived
    lists and tuples that reference counting frees, and collecting every 700 of them took
    9 % of the parse time. The threshold is global; it is restored afterwards."""
    old = gc.get_threshold()
    gc.set_threshold(max(old[0], GC_YOUNG_THRESHOLD), *old[1:])
    try:
        yield
    finally:
        gc.set_threshold(*old)


def parse_many(items: list[tuple[str, bytes]]) -> dict[str, "object"]:
    """Parse a chunk of (doc, bytes) into Arrow tables: the unit of work for processes and
    Dask (Arrow tables cross process boundaries far faster than lists of strings)."""
    import pyarrow as pa

    from kslib.extract.themes import hits_table
    from kslib.structure.tokens import words_and_counts

    with _fewer_collections():  # the whole chunk: building its tables allocates as much again
        parsed = [parse_document(doc, raw) for doc, raw in items]
        docs = [doc for doc, _ in items]
        tables = to_arrow(*merge(columns for columns, _ in parsed), docs=docs)
        # the word count comes from the pieces the terms are made of: one scan of the text less
        tables["terms"], n_words = words_and_counts([words for _, words in parsed if words is not None], docs)
        at = tables["docs"].column_names.index("n_words")
        tables["docs"] = tables["docs"].set_column(at, "n_words", pa.array(n_words, pa.int32()))
        tables["themes"] = hits_table(tables["terms"])
        del parsed  # freed by reference counting while collections are still rare
    return tables
