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

from . import structure
from .io import read_article, text_id

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
    from .language import detect_language
    from .terms import ArticleWords

    out = _columns()
    decoded = read_article(raw)
    if decoded.text is None:
        _add(out["docs"], **_doc_row(doc, decoded.reason, decoded.encoding))
        return out, None
    text = decoded.text
    paragraphs = structure.classify(text)
    content = [p for p in paragraphs if p.kind not in ("boilerplate", "photo_credit")]
    if not any(structure.WORD.search(p.text) for p in content):
        _add(out["docs"], **_doc_row(doc, "no article content (only photo credits or navigation)",
                                     decoded.encoding))
        return out, None

    body_text = "\n".join(p.text for p in content)
    _extend(out["paragraphs"], doc=[doc] * len(paragraphs), para_id=[p.para_id for p in paragraphs],
            kind=[p.kind for p in paragraphs], text=[p.text for p in paragraphs])
    sentences = [(p.para_id, structure.split_sentences(p.text)) for p in paragraphs]
    _extend(out["sentences"], doc=[doc] * sum(len(ss) for _, ss in sentences),
            para_id=[para_id for para_id, ss in sentences for _ in ss],
            sent_id=[s for _, ss in sentences for s in range(len(ss))], text=[s for _, ss in sentences for s in ss])

    _add(out["docs"], **_doc_row(doc, None, decoded.encoding, text=text, title=structure.find_title(paragraphs),
                                 language=detect_language(body_text), n_paragraphs=len(paragraphs),
                                 text_id=text_id(text),  # n_words: from the terms, in `parse_many`
                                 para_keys=paragraph_keys(paragraphs)))
    ctx: dict = {}
    for hook in _hooks():
        hook(doc, paragraphs, out, ctx)
    words = ArticleWords(doc, out["docs"]["language"][-1] or "nb", paragraphs, ctx.get("name_words", frozenset()),
                         ctx.get("person_spans", {}))
    return out, words


#: Paragraphs compared when looking for near-duplicate articles, and their minimum length.
NEAR_DUPLICATE_KINDS = ("body", "quote", "heading", "bullet")
NEAR_DUPLICATE_MIN_WORDS = 6


def paragraph_keys(paragraphs) -> list[int]:
    """Stable 64-bit keys of an article's longer content paragraphs (case folded), for
    finding near-duplicate articles without keeping their text around."""
    import hashlib

    keys = set()
    for p in paragraphs:
        if p.kind in NEAR_DUPLICATE_KINDS and p.text.count(" ") + 1 >= NEAR_DUPLICATE_MIN_WORDS:
            digest = hashlib.blake2b(p.text.lower().encode("utf-8"), digest_size=8).digest()
            keys.add(int.from_bytes(digest, "little", signed=True))
    return sorted(keys)


def _doc_row(doc: str, reason: str | None, encoding: str | None, **values) -> dict:
    """One `docs` row with every column present (hooks fill in year and region)."""
    row = dict(doc=doc, reason=reason, text=None, title=None, language=None, n_paragraphs=0, n_words=0,
               encoding=encoding, text_id=None, year=None, year_source=None, region=None, region_2024=None,
               region_source=None, para_keys=[])
    row.update(values)
    return row


def _hooks():
    """Extractors that add rows to the per-document tables, in order (the people they find
    are left in a context for the places hook and the terms)."""
    from . import places, quotes

    return (quotes.extract, places.extract)


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


def arrow_schema(name: str):
    """The Arrow schema of a per-document table: `doc` plus the table's columns.

    `doc` is dictionary-encoded in every table but `docs` (one row per document): a
    document's rows are many and together, so lookups by document touch only the
    dictionary, never millions of strings."""
    import pyarrow as pa

    from .schema import SCHEMAS

    types = {"string": pa.string(), "string[pyarrow]": pa.string(), "int32": pa.int32(), "Int64": pa.int64(),
             "boolean": pa.bool_(), "category": pa.string(), "keys": pa.list_(pa.int64())}
    dictionary = pa.dictionary(pa.int32(), pa.string())
    if name == "docs":
        cols = {"reason": "string", "text": "string", "title": "string", "language": "string",
                "n_paragraphs": "int32", "n_words": "int32", "encoding": "string", "text_id": "string",
                "year": "Int64", "year_source": "string", "region": "string", "region_2024": "string",
                "region_source": "string", "para_keys": "keys"}
    else:
        cols = {c: t for c, t in SCHEMAS[name].items() if c != "article_id"}
    fields = [pa.field("doc", pa.string() if name == "docs" else dictionary)]
    for col, dtype in cols.items():
        typ = dictionary if (name == "terms" and col in ("token", "lemma", "kind")) else types[dtype]
        fields.append(pa.field(col, typ))
    return pa.schema(fields)


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


def doc_positions(column, docs: list[str]):
    """For each row of a `doc` column, the position of its document in `docs` (null when
    absent), looked up once per dictionary value."""
    import pyarrow as pa
    import pyarrow.compute as pc

    lookup = pa.array(docs, pa.string())
    chunks = column.chunks
    if chunks and pa.types.is_dictionary(column.type) and all(
            c.dictionary.equals(chunks[0].dictionary) for c in chunks[1:]):
        # one dictionary for every chunk (`unify_dictionaries`): one lookup, one take
        positions = pc.index_in(chunks[0].dictionary, value_set=lookup)
        return pc.take(positions, pa.chunked_array([c.indices for c in chunks], column.type.index_type))
    out = []
    for chunk in chunks:
        if pa.types.is_dictionary(chunk.type):
            out.append(pc.take(pc.index_in(chunk.dictionary, value_set=lookup), chunk.indices))
        else:
            out.append(pc.index_in(chunk, value_set=lookup))
    return pa.chunked_array(out, pa.int32())


#: A small article that touches every extractor's word lists (names, titles, cue verbs, places,
#: dates, themes, lemmas, lingua's models): parsed once by `warm_up`.
_WARM_UP_ARTICLE = """Nytt løft for skolen i Bodø

- Vi må satse mer på barnehagen, sier ordfører Kari Nordmann (Ap) i Bodø kommune.

Mandag 22. januar 2024 møttes fylkesrådet i Nordland. «Dette er en god dag for kommunene», sa hun.

Foto: Ola Nordmann
"""


def warm_up() -> None:
    """Load every word list, automaton and model the parsers use, by parsing one small article,
    before worker processes are forked: they then share them instead of each loading its own."""
    from .terms import warm_lemmatizer

    warm_lemmatizer()
    parse_many([("warm-up", _WARM_UP_ARTICLE.encode("utf-8"))])


def worker_init() -> None:
    """Start of a worker process: what it inherited from its parent (modules, word lists,
    caches: hundreds of thousands of objects) goes to the collector's permanent generation,
    so its full collections no longer walk them (1 % of a worker's time). The worker ends
    when its parent does, even when the parent is killed (`signals.die_with_parent`)."""
    from .signals import die_with_parent

    die_with_parent()
    gc.freeze()


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

    from .terms import words_and_counts
    from .themes import hits_table

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
