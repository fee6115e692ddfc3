"""`kslib extract` on one machine: parse a folder and stream every table to parquet.

Unlike `load_corpus`, which holds every table in memory as pandas frames for
the notebooks, this path never builds the large tables (terms, sentences,
paragraphs, themes) in memory: parsed documents go to the cache in parts of
`PART_DOCS` documents as they come from the worker processes, and each large
table is written as a parquet dataset, `OUT/<name>.parquet/<part>.parquet`,
one file per cache part. Memory stays bounded by a part; a rerun after adding a
file parses only that file and writes only the parts that changed.
The tables are the same as `load_corpus(...).tables()` (the tests check it).
"""

from __future__ import annotations

import os
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from . import config
from .cache import ParseCache
from .extract import DOC_TABLES, parse_many

#: Documents per cache part: the unit that is read and written at once.
PART_DOCS = 2000
#: The columns of `people` that `to_speakers` reads.
SPEAKER_INPUT = ["article_id", "name", "role", "role_group", "gender", "n_quotes", "quoted"]
#: Tables streamed part by part (the rest are small and built in memory).
STREAMED = ("paragraphs", "sentences", "quotes", "people", "places", "terms", "themes")


def _parse_to_cache(todo, store: ParseCache, jobs: int, progress: bool) -> None:
    """Parse `todo` in chunks (over `jobs` processes) and store them in parts as they come."""
    import pyarrow as pa
    from tqdm.auto import tqdm

    chunk = 64
    chunks = [todo[i : i + chunk] for i in range(0, len(todo), chunk)]
    bar = tqdm(total=len(todo), unit="file", desc="Parsing", disable=not progress)
    buffer: list[dict] = []

    def flush():
        if buffer:
            store.store({name: pa.concat_tables([b[name] for b in buffer]) for name in DOC_TABLES})
            buffer.clear()

    def take(items, result):
        buffer.append(result)
        bar.update(len(items))
        if sum(b["docs"].num_rows for b in buffer) >= PART_DOCS:
            flush()

    if jobs > 1 and len(chunks) > 1:
        from collections import deque
        from concurrent.futures import ProcessPoolExecutor

        from .terms import warm_lemmatizer

        warm_lemmatizer()

        # at most a few chunks in flight per worker, taken in order: memory stays bounded
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            pending: deque = deque()
            for items in chunks:
                pending.append((items, pool.submit(parse_many, items)))
                if len(pending) >= 3 * jobs:
                    done_items, future = pending.popleft()
                    take(done_items, future.result())
            while pending:
                done_items, future = pending.popleft()
                take(done_items, future.result())
    else:
        for items in chunks:
            take(items, parse_many(items))
    flush()
    bar.close()


def _output_schema(name: str):
    """The output schema of a streamed table: its columns in the order of `schema.SCHEMAS`."""
    import pyarrow as pa

    from .extract import arrow_schema
    from .schema import SCHEMAS

    fields = {f.name: f for f in arrow_schema(name)}
    return pa.schema([pa.field("article_id", pa.string()) if col == "article_id" else fields[col]
                      for col in SCHEMAS[name]])


def _rekey(table, keep: set[str], doc_index: dict[str, list[int]], article_ids: list[str], name: str):
    """Replace `doc` by `article_id` (one copy of the rows per article that has the document);
    `keep` holds the documents in `table`."""
    import pyarrow as pa
    import pyarrow.compute as pc

    from .extract import doc_positions

    if all(len(doc_index.get(d, ())) <= 1 for d in keep):  # the usual case: vectorised
        known = [d for d in keep if d in doc_index]
        idx = doc_positions(table.column("doc"), known)
        table = table.filter(pc.is_valid(idx))
        ids = pc.take(pa.array([article_ids[doc_index[d][0]] for d in known], pa.string()), pc.drop_null(idx))
    else:  # a document two files share: its rows once per article
        rows, id_list = [], []
        for i, doc in enumerate(table.column("doc").to_pylist()):
            for k in doc_index.get(doc, ()):
                rows.append(i)
                id_list.append(article_ids[k])
        table = table.take(pa.array(rows, pa.int64()))
        ids = pa.array(id_list, pa.string())
    table = table.drop_columns(["doc"]).append_column("article_id", ids)
    for col in ("person_id", "speaker_id", "quote_id"):
        if col in table.column_names:  # local ids (p01, q01) become corpus-wide ids
            local = table.column(col)
            joined = pc.binary_join_element_wise(table.column("article_id"), local, ":")
            table = table.set_column(table.column_names.index(col), col, joined)
    schema = _output_schema(name)
    return table.select(schema.names).cast(schema)


def extract_folder(path, out, *, cache=True, max_bytes: int = config.DEFAULT_MAX_BYTES, jobs: int | None = None,
                   progress: bool | None = None, csv: bool = False) -> dict[str, int]:
    """Parse every article below `path` and write each table as `out/<name>.parquet`.

    Returns the number of rows written per table. Raises `CorpusError` like `load_corpus`.
    """
    import pandas as pd
    import pyarrow as pa

    from .corpus import build_articles, cache_for, corpus_root, open_folder, to_parse
    from .people import to_speakers

    tmp = None
    if cache is False:  # still stream through parts, in a folder that is removed afterwards
        tmp = tempfile.TemporaryDirectory(prefix="kslib-")
        cache = tmp.name
    store = cache_for(corpus_root(path), cache)
    try:
        root, files, ok, rejected, progress = open_folder(path, max_bytes, progress, store)
        wanted = {doc for _, doc, _ in ok}
        parts = store.part_docs(wanted)
        found = set().union(*parts.values()) if parts else set()
        todo, jobs = to_parse(ok, found, jobs)
        if todo:
            _parse_to_cache(todo, store, jobs, progress)
            parts = store.part_docs(wanted)

        # articles, rejected and metadata: small, built in memory exactly as load_corpus does
        docs = pa.concat_tables([store.read(part, "docs", keep) for part, keep in parts.items()])
        listing, articles, rejected_frame, metadata_issues = build_articles(root, ok, rejected, docs)
        small = {"articles": articles, "rejected": rejected_frame, "metadata_issues": metadata_issues}

        out = Path(out)
        out.mkdir(parents=True, exist_ok=True)
        counts = {}
        for name, df in small.items():
            _write_frame(df, out / f"{name}.parquet")
            counts[name] = len(df)
        counts.update(_write_streamed(out, store, parts, listing))
        people = pd.read_parquet(out / "people.parquet", columns=SPEAKER_INPUT)
        speakers = to_speakers(people)
        _write_frame(speakers, out / "speakers.parquet")
        counts["speakers"] = len(speakers)
        if csv:
            for name in counts:
                _to_csv(out / f"{name}.parquet", out / f"{name}.csv")
        counts["files"] = len(files)
        return counts
    finally:
        if tmp is not None:
            tmp.cleanup()


def _signature(keep: set[str], doc_index: dict[str, list[int]], article_ids: list[str]) -> str:
    """What an output part depends on besides the cache part: its documents and their ids."""
    import hashlib

    digest = hashlib.blake2b(digest_size=12)
    for doc in sorted(keep):
        digest.update(doc.encode())
        for k in doc_index.get(doc, ()):
            digest.update(article_ids[k].encode())
    return digest.hexdigest()


def _write_streamed(out: Path, store: ParseCache, parts: dict, listing) -> dict[str, int]:
    """Write each streamed table as `out/<name>.parquet/<cache part>.parquet`.

    A part file whose cache part, documents and ids are unchanged since the last run
    (as `out/.kslib-parts.json` records) is kept as it is, so a rerun after adding one
    file writes one small part per table instead of every table again."""
    import json

    import pyarrow.parquet as pq

    doc_index: dict[str, list[int]] = {}
    for k, doc in enumerate(listing["doc"]):
        doc_index.setdefault(doc, []).append(k)
    article_ids = listing["article_id"].tolist()
    manifest_path = out / ".kslib-parts.json"
    try:
        manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        manifest = {}
    if manifest.get("rules") != store.dir.name:
        manifest = {}
    signatures = {part.name: _signature(keep, doc_index, article_ids) for part, keep in parts.items()}
    counts = dict.fromkeys(STREAMED, 0)
    todo = []
    for name in STREAMED:
        folder = out / f"{name}.parquet"
        if folder.is_file():  # a single file from an older kslib or from load_corpus users
            folder.unlink()
        folder.mkdir(exist_ok=True)
        old = manifest.get("tables", {}).get(name, {})
        for part, keep in parts.items():
            target = folder / f"{part.name}.parquet"
            if old.get(part.name) == signatures[part.name] and target.exists():
                counts[name] += pq.read_metadata(target).num_rows
            else:
                todo.append((name, part, keep, target))
        for stale in folder.glob("*.parquet"):
            if stale.stem not in signatures:
                stale.unlink()

    def write(job) -> tuple[str, int]:
        name, part, keep, target = job
        table = _rekey(store.read(part, name, keep), keep, doc_index, article_ids, name)
        tmp = target.with_suffix(".tmp")
        # no column statistics: min and max of hash ids and token numbers help no query, and
        # computing them is half the cost of writing
        pq.write_table(table, tmp, write_statistics=False)
        os.replace(tmp, target)
        return name, table.num_rows

    # Arrow computes and writes parquet without the GIL: parts are written on every core,
    # the largest table first so the threads finish together
    todo.sort(key=lambda job: job[0] != "terms")
    with ThreadPoolExecutor(max_workers=min(os.cpu_count() or 1, 4)) as pool:
        for name, n in pool.map(write, todo):
            counts[name] += n
    manifest = {"rules": store.dir.name, "tables": {name: signatures for name in STREAMED}}
    manifest_path.write_text(json.dumps(manifest), encoding="utf-8")
    return counts


def _clear(path: Path) -> None:
    import shutil

    if path.is_dir():  # left by an earlier `--engine dask` run
        shutil.rmtree(path)


def _write_frame(df, path: Path) -> None:
    _clear(path)
    tmp = path.with_suffix(".parquet.tmp")
    df.to_parquet(tmp, index=False)
    os.replace(tmp, path)


def _to_csv(parquet: Path, target: Path) -> None:
    """A parquet file as CSV, row group by row group (for spreadsheet users)."""

    import pyarrow.dataset as ds

    data = ds.dataset(parquet, format="parquet")
    with open(target, "w", encoding="utf-8", newline="") as fh:
        header = True
        for batch in data.to_batches(batch_size=200_000):
            if batch.num_rows:
                batch.to_pandas().to_csv(fh, index=False, header=header)
                header = False
        if header:  # no rows at all: still the column names
            fh.write(",".join(data.schema.names) + "\n")
