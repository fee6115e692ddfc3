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

import contextlib
import os
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from kslib import config
from kslib._engine.cache import ParseCache
from kslib._engine.pool import _Parser, _spool_root
from kslib._engine.writer import write_part as _write_part

#: The columns of `people` that `to_speakers` reads.
SPEAKER_INPUT = ["article_id", "name", "role", "role_group", "gender", "n_quotes", "quoted"]
#: Tables streamed part by part (the rest are small and built in memory).
STREAMED = ("paragraphs", "sentences", "quotes", "people", "places", "terms", "themes")


class _EarlyParts:
    """Writes a cache part's output parts as soon as it is stored, in a thread, while the
    workers parse on: the cold run then never reads its cache back, and little is left to
    write once parsing ends.

    Article ids are not known before every file is parsed; these parts use each document's
    text id, the id `build_articles` gives it unless two files share a text. `_write_streamed`
    keeps a part whose ids turn out right (its signature matches) and rewrites the others.

    It also gathers the `docs` table of every part `build_articles` needs: those parsed in
    this run as they are stored, the others read in its thread while new files are parsed."""

    def __init__(self, out: Path):
        self.out = out
        self.pool = ThreadPoolExecutor(max_workers=1)
        self.jobs: list = []
        self.signatures: dict[str, str] = {}
        self.docs: dict[str, object] = {}  # part name -> its `docs` table, not read back later

    def __call__(self, part: str, tables: dict) -> None:
        """Write the output parts of cache part `part` (its name) from its tables."""
        # a copy: the chunks' tables map the workers' files, which it would keep mapped whole
        self.docs[part] = tables["docs"].combine_chunks()
        self.jobs.append(self.pool.submit(self._write, part, tables))

    def prefetch(self, store: ParseCache, wanted: set[str]) -> None:
        """Read the `docs` tables of the parts already stored that hold `wanted` documents, in
        the thread, while the rest is parsed (on a rerun, this reading is half the work)."""
        for part, keep in store.part_docs(wanted).items():
            if part.name not in self.docs:
                self.docs[part.name] = (keep, self.pool.submit(store.read, part, "docs", keep))

    def docs_table(self, store: ParseCache, part: Path, keep: set[str]):
        """The `docs` rows of `keep` in `part`: kept, prefetched or read."""
        from kslib._engine.cache import only

        found = self.docs.pop(part.name, None)
        if found is None:
            return store.read(part, "docs", keep)
        if isinstance(found, tuple):  # prefetched: for the same documents unless parts were merged since
            read_for, job = found
            return job.result() if read_for == keep else store.read(part, "docs", keep)
        return only(found, keep) if found.num_rows != len(keep) else found

    def _write(self, part: str, tables: dict) -> None:
        docs = tables["docs"].select(["doc", "reason", "text_id"]).to_pydict()
        keep = set(docs["doc"])
        parsed = [(doc, tid) for doc, reason, tid in zip(docs["doc"], docs["reason"], docs["text_id"])
                  if reason is None]
        doc_index = {doc: [k] for k, (doc, _) in enumerate(parsed)}
        article_ids = [tid for _, tid in parsed]
        for name in STREAMED:
            # one dictionary per column, as the cache file has: rekeying and writing are then faster
            table = tables[name].unify_dictionaries()
            _write_part(_rekey(table, keep, doc_index, article_ids, name),
                        self.out / f"{name}.parquet" / f"{part}.parquet")
        self.signatures[part] = _signature(keep, doc_index, article_ids)

    def finish(self) -> dict[str, str]:
        """Wait for every write (raising its error); the signatures of the parts written."""
        for job in self.jobs:
            job.result()
        self.pool.shutdown()
        return self.signatures


def _prepare_out(stage: Path) -> None:
    """The staging folder with a folder per streamed table."""
    for name in STREAMED:
        (stage / f"{name}.parquet").mkdir(exist_ok=True)


def _output_schema(name: str):
    """The output schema of a streamed table: its columns in the order of `schema.SCHEMAS`."""
    import pyarrow as pa

    from kslib._engine.assemble import DICTIONARY_IDS
    from kslib.schema import SCHEMAS, arrow_schema

    fields = {f.name: f for f in arrow_schema(name)}
    ids = pa.dictionary(pa.int32(), pa.string()) if name in DICTIONARY_IDS else pa.string()
    return pa.schema([pa.field("article_id", ids) if col == "article_id" else fields[col] for col in SCHEMAS[name]])


def _rekey(table, keep: set[str], doc_index: dict[str, list[int]], article_ids: list[str], name: str):
    """A part of a streamed table keyed by article (`assemble.to_articles`; `keep` holds the
    documents in `table`), in the output schema."""
    from kslib._engine.assemble import DICTIONARY_IDS, to_articles

    schema = _output_schema(name)
    return to_articles(table, doc_index, article_ids, keep=keep, ids_as_dictionary=name in DICTIONARY_IDS) \
        .select(schema.names).cast(schema)


def extract_folder(path, out, *, cache=True, max_bytes: int = config.DEFAULT_MAX_BYTES, jobs: int | None = None,
                   progress: bool | None = None, csv: bool = False) -> dict[str, int]:
    """Parse every article below `path` and write each table as `out/<name>.parquet`.

    The tables are written to a staging folder beside `out` and swapped in when every
    one is complete (`output.Staging`): a failed or killed run leaves the last output
    as it was. Returns the number of rows written per table. Raises `CorpusError` like
    `load_corpus`, `OutputError` for an output folder it may not or cannot write.
    """
    from kslib._engine.assemble import CorpusError, cache_for, corpus_root
    from kslib._engine.cache import CacheDamaged
    from kslib._engine.signals import sweep_spools
    from kslib._engine.writer import Staging

    if os.name == "posix":
        sweep_spools(_spool_root())  # left by runs that were killed
    with contextlib.ExitStack() as stack:
        store = cache_for(corpus_root(path), cache)
        stack.callback(store.close)
        if not (store.enabled and store.writable):  # no cache, or one that cannot be written:
            # the parts stream through a temporary cache, removed afterwards
            store = cache_for(corpus_root(path), stack.enter_context(tempfile.TemporaryDirectory(prefix="kslib-")))
            stack.callback(store.close)
            if not store.writable:
                raise OSError(f"cannot write a temporary cache folder in {tempfile.gettempdir()}")
        for _ in range(3):
            with Staging(Path(out)) as stage:
                try:
                    counts = _extract(path, stage, store, max_bytes, jobs, progress, csv)
                except CacheDamaged as exc:  # dropped, and its articles parsed again
                    store.drop(exc.part, exc)
                    stage.abort()
                    continue
                stage.commit({"rules": config.rules_version(), "parts": counts.pop("_parts")})
                return counts
        raise CorpusError(f"the cache {store.home} keeps failing its checks; delete it or use --no-cache")


def _extract(path, stage, store: ParseCache, max_bytes: int, jobs, progress, csv: bool) -> dict:
    import pandas as pd
    import pyarrow as pa

    from kslib._engine.assemble import (
        build_articles,
        corpus_root,
        list_folder,
        rejected_paths,
    )
    from kslib._engine.writer import write_parquet
    from kslib.extract.speakers import to_speakers
    from kslib.read.files import _read_files

    root, files, problems, progress = list_folder(corpus_root(path), progress)
    out = stage.path
    _prepare_out(out)
    early = _EarlyParts(out)
    parser = _Parser(store, jobs, progress, on_part=early)
    failed = True
    try:
        ok, rejected = _read_files(root, files, max_bytes, store, on_read=parser.offer)
        rejected = problems + rejected
        wanted = {doc for _, doc, _ in ok}
        early.prefetch(store, wanted)
        parser.finish()
        failed = False
    finally:
        parser.close(failed)
        written = early.finish()
    parts = store.part_docs(wanted)

    # articles, rejected and metadata: small, built in memory exactly as load_corpus does
    from kslib.schema import arrow_schema

    docs = pa.concat_tables([early.docs_table(store, part, keep) for part, keep in parts.items()]) if parts \
        else arrow_schema("docs").empty_table()
    listing, articles, rejected_frame, metadata_issues = build_articles(root, ok, rejected, docs)
    small = {"articles": articles, "rejected": rejected_frame, "metadata_issues": metadata_issues}

    counts = {}
    for name, df in small.items():
        write_parquet(df, out / f"{name}.parquet")
        counts[name] = len(df)
    streamed, manifest = _write_streamed(stage, store, parts, listing, written)
    counts.update(streamed)
    people = pd.read_parquet(out / "people.parquet", columns=SPEAKER_INPUT)
    speakers = to_speakers(people)
    write_parquet(speakers, out / "speakers.parquet")
    counts["speakers"] = len(speakers)
    if csv:
        for name in counts:
            _to_csv(out / f"{name}.parquet", out / f"{name}.csv")
    counts["files"] = len(files) + len(rejected_paths(rejected, files))
    counts["_parts"] = manifest
    return counts


def _signature(keep: set[str], doc_index: dict[str, list[int]], article_ids: list[str]) -> str:
    """What an output part depends on besides the cache part: its documents and their ids."""
    import hashlib

    digest = hashlib.blake2b(digest_size=12)
    for doc in sorted(keep):
        digest.update(doc.encode())
        for k in doc_index.get(doc, ()):
            digest.update(article_ids[k].encode())
    return digest.hexdigest()


def _write_streamed(stage, store: ParseCache, parts: dict, listing, written=None) -> tuple[dict[str, int], dict]:
    """Write each streamed table as `<name>.parquet/<cache part>.parquet` in the staging folder;
    returns the rows per table and the signatures of the parts (kept in the output's marker).

    A part file whose cache part, documents and ids are unchanged since the last run
    (as the old output's marker records) is carried over from it by a hard link, and one
    that this run wrote already with the right ids (`written`: part name -> signature,
    from `_EarlyParts`) is kept, so a rerun after adding one file writes one small part
    per table instead of every table again."""
    import pyarrow.parquet as pq

    out = stage.path
    doc_index: dict[str, list[int]] = {}
    for k, doc in enumerate(listing["doc"]):
        doc_index.setdefault(doc, []).append(k)
    article_ids = listing["article_id"].tolist()
    manifest = stage.old.get("parts") or {}
    if stage.old.get("rules") != config.rules_version() or not stage.old.get("complete"):
        manifest = {}
    signatures = {part.name: _signature(keep, doc_index, article_ids) for part, keep in parts.items()}
    counts = dict.fromkeys(STREAMED, 0)
    todo = []
    for name in STREAMED:  # the folders exist: `_extract` made them (`_prepare_out`)
        folder = out / f"{name}.parquet"
        old = manifest.get(name, {})
        for part, keep in parts.items():
            target = folder / f"{part.name}.parquet"
            rel = f"{name}.parquet/{part.name}.parquet"
            if ((written or {}).get(part.name) == signatures[part.name] and target.exists()) or \
                    (old.get(part.name) == signatures[part.name] and stage.keep(rel)):
                counts[name] += pq.read_metadata(target).num_rows
            else:
                todo.append((name, part, keep, target))
        for stale in folder.glob("*.parquet"):  # written early for ids that turned out wrong
            if stale.stem not in signatures:
                stale.unlink()

    def write(job) -> tuple[str, int]:
        name, part, keep, target = job
        table = _rekey(store.read(part, name, keep), keep, doc_index, article_ids, name)
        _write_part(table, target)
        return name, table.num_rows

    # Arrow computes and writes parquet without the GIL: parts are written on every core,
    # the largest table first so the threads finish together
    todo.sort(key=lambda job: job[0] != "terms")
    with ThreadPoolExecutor(max_workers=config.default_jobs()) as pool:
        for name, n in pool.map(write, todo):
            counts[name] += n
    for name in STREAMED:  # a table with no rows still has its schema
        folder = out / f"{name}.parquet"
        if not any(folder.glob("*.parquet")):
            _write_part(_output_schema(name).empty_table(), folder / "part-empty.parquet")
    return counts, {name: signatures for name in STREAMED}


def _to_csv(parquet: Path, target: Path) -> None:
    """A parquet file as CSV, row group by row group (for spreadsheet users)."""

    import pyarrow.dataset as ds

    from kslib._engine.writer import safe_for_csv

    data = ds.dataset(parquet, format="parquet")
    with open(target, "w", encoding="utf-8", newline="") as fh:
        header = True
        for batch in data.to_batches(batch_size=200_000):
            if batch.num_rows:
                safe_for_csv(batch.to_pandas()).to_csv(fh, index=False, header=header)
                header = False
        if header:  # no rows at all: still the column names
            safe_for_csv(data.schema.empty_table().to_pandas()).to_csv(fh, index=False)
