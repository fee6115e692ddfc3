"""Load a folder of article files into a `Corpus` of tidy, typed frames.

    >>> import kslib
    >>> corpus = kslib.load_corpus()          # data/seeds/
    >>> corpus.articles[["file", "title", "language"]]
    >>> print(corpus.summary())

Every `*.txt` file found (recursively, hidden ones skipped) ends up either as a
row of `articles` or as a row of `rejected` with a reason; nothing is dropped
silently and one bad file never stops the run.
"""

from __future__ import annotations

import os
import time
import warnings
from dataclasses import dataclass, field, fields
from pathlib import Path

from . import config
from .cache import ParseCache
from .extract import DOC_TABLES, parse_many
from .cache import CacheDamaged
from .io import content_hash, display_name, walk_folder
from .schema import frame

#: Share of paragraphs two articles must share to count as near-duplicates.
NEAR_DUPLICATE_SHARE = 0.8
#: A paragraph shared by more articles than this is boilerplate, not a sign of a copy.
NEAR_DUPLICATE_MAX_SHARED = 20


class CorpusError(ValueError):
    """The folder cannot be loaded at all (missing, or no `.txt` file in it)."""


@dataclass
class Corpus:
    """A folder of articles as tidy frames that join on `article_id`.

    Attributes: `articles` (one row per article), `paragraphs`, `sentences`,
    `quotes`, `people`, `places`, `terms`, `themes` (one row per entity, with
    `article_id` and `para_id`), and `rejected` (`file`, `reason`).
    """

    articles: "object"
    paragraphs: "object"
    sentences: "object"
    rejected: "object"
    quotes: "object" = None
    people: "object" = None
    places: "object" = None
    terms: "object" = None
    themes: "object" = None
    metadata_issues: "object" = None
    root: Path | None = None
    n_files: int = 0
    tables_: tuple[str, ...] = field(default=(), repr=False)

    def tables(self) -> dict[str, "object"]:
        """Every frame by name, in a stable order (what `kslib extract` writes)."""
        out = {}
        for f in fields(self):
            value = getattr(self, f.name)
            if f.name not in ("root", "n_files", "tables_") and value is not None:
                out[f.name] = value
        out["speakers"] = self.speakers
        return out

    @property
    def speakers(self):
        """One row per person across the corpus (same full name), see `kslib.people`."""
        from .people import to_speakers

        return to_speakers(self.people, self.quotes)

    def drop_duplicates(self) -> "Corpus":
        """The same corpus without articles marked as (near-)duplicates of another."""
        keep = self.articles.loc[self.articles["duplicate_of"].isna(), "article_id"]
        return self.subset(keep)

    def subset(self, article_ids) -> "Corpus":
        """The corpus restricted to `article_ids` (every frame filtered)."""
        ids = set(article_ids)
        kwargs = {}
        for f in fields(self):
            value = getattr(self, f.name)
            if hasattr(value, "columns") and "article_id" in value.columns:
                value = value[value["article_id"].isin(ids)].reset_index(drop=True)
            kwargs[f.name] = value
        return Corpus(**kwargs)

    def summary(self) -> str:
        """Counts a person can read at a glance."""
        a, p = self.articles, self.paragraphs
        lines = [
            f"Corpus: {self.root}" if self.root else "Corpus",
            f"  files found      {self.n_files:>8,}",
            f"  articles         {len(a):>8,}",
            f"  rejected files   {len(self.rejected):>8,}",
            f"  duplicates       {int(a['duplicate_of'].notna().sum()):>8,}",
            f"  paragraphs       {len(p):>8,}",
            f"  sentences        {len(self.sentences):>8,}",
            f"  words            {int(a['n_words'].sum()):>8,}",
        ]
        for name in ("quotes", "people", "places", "themes"):
            value = getattr(self, name)
            if value is not None:
                lines.append(f"  {name:<16} {len(value):>8,}")
        if len(a):
            langs = a["language"].value_counts()
            lines.append("  languages        " + ", ".join(f"{k} {v}" for k, v in langs.items() if v))
            kinds = p["kind"].value_counts()
            lines.append("  paragraph kinds  " + ", ".join(f"{k} {v}" for k, v in kinds.items() if v))
        for row in self.rejected.itertuples():
            lines.append(f"  rejected: {row.file}: {row.reason}")
        return "\n".join(lines)

    def __repr__(self) -> str:
        return f"<Corpus {self.root}: {len(self.articles)} articles, {len(self.rejected)} rejected>"


def _read_bytes(path: str, size: int, limit: int) -> bytes | None:
    """The bytes of a file whose size was just read (`size`): with `os.read`, four system
    calls a file instead of `open`'s nine (tens of thousands of files are read per run).
    A file that grew since is still read to its end, but never past `limit` bytes: None
    when it holds more."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_BINARY", 0) | getattr(os, "O_NONBLOCK", 0))
    try:
        chunks = [os.read(fd, min(size, limit) + 1)]
        total = len(chunks[0])
        while chunks[-1] and total <= limit:
            chunks.append(os.read(fd, max(min(size, limit), 1 << 16)))
            total += len(chunks[-1])
    finally:
        os.close(fd)
    return b"".join(chunks) if total <= limit else None


def _too_large(size: int, limit: int) -> str:
    return f"file too large ({size / 2**20:.1f} MiB > limit {limit / 2**20:.1f} MiB)"


def _kind_of(mode: int) -> str:
    import stat

    for test, name in ((stat.S_ISFIFO, "a named pipe (FIFO)"), (stat.S_ISCHR, "a character device"),
                       (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket"), (stat.S_ISDIR, "a folder")):
        if test(mode):
            return name
    return "not a regular file"


def _read_files(root: Path, files: list[str], max_bytes: int, store: ParseCache | None = None, on_read=None):
    """(file, doc, raw) for readable files and (file, reason) for the rest; `files` are paths
    relative to `root` (as `io.walk_folder` gives them; `file` is their `display_name`).

    Only regular files are opened (a FIFO would block, a device never end), and no read goes
    past `max_bytes`. A file whose size, times and inode are those the cache's file index
    recorded, and whose content the cache holds, is not read again: its `raw` is None (a
    rerun after adding one file to thousands reads one file). Any other file is read and
    hashed. `on_read(doc, raw)` is called for each file read, so parsing can start while the
    rest are read; when it returns True it has taken the bytes and `raw` is None too."""
    import stat

    index = store.file_index(root) if store is not None else {}
    cached = store.all_docs() if index else set()
    # a file changed less than two seconds ago may change again within the same clock tick
    # without its size or times showing it: it is not indexed, so it is read next time too
    recent = time.time_ns() - 2_000_000_000
    base = os.fspath(root)
    ok, rejected, seen = [], [], {}
    for rel in files:
        path = os.path.join(base, rel)
        shown = display_name(rel)
        try:
            st = os.stat(path)
            if not stat.S_ISREG(st.st_mode):
                rejected.append((shown, f"{_kind_of(st.st_mode)}, not read"))
                continue
            if st.st_size > max_bytes:
                rejected.append((shown, _too_large(st.st_size, max_bytes)))
                continue
            key = (st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino)
            known = index.get(shown)
            if known is not None and known[:4] == key and known[4] in cached:
                ok.append((shown, known[4], None))
                seen[shown] = known
                continue
            raw = _read_bytes(path, st.st_size, max_bytes)
        except OSError as exc:
            rejected.append((shown, f"cannot be read ({exc.strerror or exc})"))
            continue
        if raw is None:
            rejected.append((shown, _too_large(max_bytes + 1, max_bytes)))
            continue
        doc = content_hash(raw)
        ok.append((shown, doc, None if on_read is not None and on_read(doc, raw) else raw))
        if max(st.st_mtime_ns, st.st_ctime_ns) < recent:
            seen[shown] = (*key, doc)
    if store is not None:
        store.save_file_index(root, seen)
    return ok, rejected


def _parse(todo: list[tuple[str, bytes]], jobs: int, progress: bool, engine: str = "local",
           scheduler: str | None = None):
    """Parse documents, in chunks over `jobs` processes when there are many (or on Dask)."""
    chunk = config.CHUNK_DOCS
    chunks = [todo[i : i + chunk] for i in range(0, len(todo), chunk)]
    bar = config.progress_bar(len(todo), "Parsing", progress)
    results = []
    if engine == "dask":
        from .engines import parse_on_dask

        results = parse_on_dask(chunks, scheduler, n_workers=max(2, jobs), progress=bar.update)
    elif jobs > 1 and len(chunks) > 1:
        from concurrent.futures import ProcessPoolExecutor

        from .extract import warm_up, worker_init

        warm_up()  # word lists and models loaded once here, shared by the forked workers

        with ProcessPoolExecutor(max_workers=jobs, initializer=worker_init) as pool:
            for items, result in zip(chunks, pool.map(parse_many, chunks)):
                results.append(result)
                bar.update(len(items))
    else:
        for items in chunks:
            results.append(parse_many(items))
            bar.update(len(items))
    bar.close()
    return _concat({name: [r[name] for r in results] for name in DOC_TABLES})


def _concat(pieces: dict[str, list]) -> dict[str, "object"]:
    """One Arrow table per name from lists of tables (empty with its schema when none)."""
    import pyarrow as pa

    from .extract import arrow_schema

    out = {}
    for name in DOC_TABLES:
        tables = [t for t in pieces.get(name, []) if t is not None]
        out[name] = (pa.concat_tables(tables, promote_options="permissive") if tables
                     else arrow_schema(name).empty_table())
    return out


def _per_article(table, files, name: str):
    """An Arrow per-document table keyed by `article_id` (in file order) as a pandas frame.

    Rows of documents that are not articles (rejected) drop out; a document that two
    files share (identical bytes) gets its rows once per article."""
    import numpy as np
    import pyarrow as pa
    import pyarrow.compute as pc

    from .extract import doc_positions

    keys = files[["doc", "article_id"]]
    if not keys["doc"].is_unique:
        table = table.set_column(table.column_names.index("doc"), "doc", table.column("doc").cast(pa.string()))
        df = table.to_pandas().merge(keys, on="doc")
        rank = {a: i for i, a in enumerate(files["article_id"])}
        order = [c for c in ("para_id", "sent_id", "token_id") if c in df.columns]
        df = df.assign(_r=df["article_id"].map(rank)).sort_values(["_r", *order], kind="stable")
        return _local_ids(df.drop(columns=["_r", "doc"]).reset_index(drop=True))
    idx = doc_positions(table.column("doc"), keys["doc"].tolist())
    table = table.filter(pc.is_valid(idx))
    idx = pc.drop_null(idx)
    table = table.drop_columns(["doc"])
    table = table.add_column(0, "article_id", pc.take(pa.array(keys["article_id"].tolist(), pa.string()), idx))
    order = [c for c in ("para_id", "sent_id", "token_id") if c in table.column_names]
    ranks = idx.to_numpy(zero_copy_only=False)
    if order and len(ranks) and not np.all(np.diff(ranks) >= 0):  # cached and fresh parts interleave
        table = table.add_column(0, "_r", idx).sort_by([("_r", "ascending")] + [(c, "ascending") for c in order])
        table = table.drop_columns(["_r"])
    types = {pa.string(): pd_string()}
    return _local_ids(table.to_pandas(types_mapper=types.get))


def pd_string():
    import pandas as pd

    return pd.StringDtype("pyarrow")


def _local_ids(df):
    for col in ("person_id", "speaker_id", "quote_id"):
        if col in df.columns:  # local ids (p01, q01) become corpus-wide ids
            df[col] = (df["article_id"] + ":" + df[col]).where(df[col].notna())
    return df


def _assign_ids(files: "object") -> "object":
    """Article ids from text; exact duplicates get `-2`, `-3` ... in file order."""
    rank = files.groupby("text_id").cumcount()
    files["article_id"] = files["text_id"].where(rank == 0, files["text_id"] + "-" + (rank + 1).astype(str))
    first = files.drop_duplicates("text_id").set_index("text_id")["article_id"]
    files["duplicate_of"] = files["text_id"].map(first).where(rank > 0)
    return files


def _near_duplicates(article_ids, keys) -> dict[str, str]:
    """article_id -> the earlier article it mostly repeats (shares most paragraphs with).

    `keys` holds each article's paragraph keys (`extract.paragraph_keys`); a paragraph
    found in more than `NEAR_DUPLICATE_MAX_SHARED` articles is too common to say anything.
    Two articles are near-duplicates when the paragraphs they share are at least
    `NEAR_DUPLICATE_SHARE` of the smaller one's (and it has two or more); an article that
    repeats several earlier ones repeats the one it shares most with (ties: the earliest),
    and points to what that one repeats in turn. The shared paragraphs of every pair of
    articles are counted at once with numpy: a paragraph in at most 20 articles gives at
    most 190 pairs."""
    import numpy as np

    from .arrays import distinct_pairs

    n = len(keys)
    lengths = np.fromiter((len(ks) for ks in keys), dtype=np.int64, count=n)
    if not lengths.sum():
        return {}
    flat = np.concatenate([np.asarray(ks, dtype=np.int64) for ks in keys])
    owner = np.repeat(np.arange(n, dtype=np.int64), lengths)
    # each (paragraph, article) once, numbered paragraphs, sorted by paragraph then article
    _, para = np.unique(flat, return_inverse=True)
    para, owner = distinct_pairs(para.reshape(-1), owner, n)
    seen = np.bincount(para)[para]  # articles with each row's paragraph
    size = np.bincount(owner[seen <= NEAR_DUPLICATE_MAX_SHARED], minlength=n)  # paragraphs that count
    rows = (seen > 1) & (seen <= NEAR_DUPLICATE_MAX_SHARED)
    para, owner = para[rows], owner[rows]
    earlier, later = [], []
    for d in range(1, NEAR_DUPLICATE_MAX_SHARED):  # the pairs of articles d apart in a paragraph's list
        same = para[:-d] == para[d:]
        if not same.any():
            break
        earlier.append(owner[:-d][same])
        later.append(owner[d:][same])
    if not earlier:
        return {}
    codes, shared = np.unique(np.concatenate(later) * n + np.concatenate(earlier), return_counts=True)
    late, early = codes // n, codes % n
    smaller = np.minimum(size[late], size[early])
    ok = (smaller >= 2) & (shared >= NEAR_DUPLICATE_SHARE * smaller)
    late, early, shared = late[ok], early[ok], shared[ok]
    best = np.lexsort((early, -shared, late))  # per later article: most shared, then earliest
    first = np.ones(len(best), dtype=bool)
    first[1:] = late[best][1:] != late[best][:-1]
    found: dict[str, str] = {}
    for i, j in zip(late[best][first].tolist(), early[best][first].tolist()):  # in article order
        other = article_ids[j]
        found[article_ids[i]] = found.get(other, other)
    return found


def load_corpus(
    path: str | os.PathLike | None = None,
    *,
    cache: bool | str | os.PathLike = True,
    max_bytes: int = config.DEFAULT_MAX_BYTES,
    jobs: int | None = None,
    progress: bool | None = None,
    engine: str = "local",
    scheduler: str | None = None,
) -> Corpus:
    """Load every `*.txt` article below `path` (default `data/seeds/`).

    cache: True for the default cache folder (see `config.default_cache_dir`), a
    path for another one, False for none. jobs: processes for parsing (default:
    all cores when more than 200 files need parsing). engine: `local`, or `dask` to
    parse on a Dask cluster (`scheduler` address, else a LocalCluster). Returns a `Corpus`; files
    that could not be read become rows of `corpus.rejected`, with a warning.
    Raises `CorpusError` when the folder is missing or holds no `.txt` file.
    """

    store = cache_for(corpus_root(path), cache)
    try:
        for _ in range(3):
            try:
                return _load(path, store, max_bytes, jobs, progress, engine, scheduler)
            except CacheDamaged as exc:  # dropped, and its articles parsed again
                store.drop(exc.part, exc)
        raise CorpusError(f"the cache {store.home} keeps failing its checks; delete it or use cache=False")
    finally:
        store.close()


def _load(path, store: ParseCache, max_bytes: int, jobs, progress, engine, scheduler) -> Corpus:
    root, files, ok, rejected, progress = open_folder(path, max_bytes, progress, store)
    wanted = {doc for _, doc, _ in ok}
    cached, found = store.load(wanted) if store.enabled else ({}, set())
    todo, jobs = to_parse(ok, found, jobs)
    fresh = _parse(todo, jobs, progress, engine, scheduler) if todo else {}
    if fresh:
        store.store(fresh)
    tables = _concat({name: cached.get(name, []) + ([fresh[name]] if fresh else []) for name in DOC_TABLES})
    return _assemble(root, len(files) + len(rejected_paths(rejected, files)), ok, rejected, tables)


def rejected_paths(rejected, files) -> list:
    """Rejected paths that the folder walk found besides the article files (folders, links)."""
    listed = {display_name(f) for f in files}
    return [f for f, _ in rejected if f not in listed]


def corpus_root(path) -> Path:
    """The folder to load: `path`, or the default corpus `data/seeds/`."""
    return Path(path) if path is not None else config.SEEDS_DIR


def list_folder(path, progress: bool | None) -> tuple[Path, list[str], list[tuple[str, str]], bool]:
    """(root, its article files as relative paths, (path, reason) for what the walk could
    not search or read, whether to show progress bars).

    Raises `CorpusError` when the folder is missing or holds no `.txt` file."""
    root = corpus_root(path)
    if not root.is_dir():
        raise CorpusError(f"Data folder not found: {display_name(os.fspath(root))}")
    files, problems = walk_folder(root)
    if not files:
        raise CorpusError(f"No .txt article files in {display_name(os.fspath(root))}"
                          + (f" ({problems[0][0]}: {problems[0][1]})" if problems else ""))
    if progress is None:
        progress = len(files) >= config.PROGRESS_MIN_FILES
    return root, files, problems, progress


def open_folder(path, max_bytes: int, progress: bool | None, store: ParseCache | None = None):
    """(root, files (relative paths), readable (file, doc, bytes), rejected (file, reason),
    progress) of a folder; with the parse `store`, files it already holds unchanged are not
    read (bytes None).

    Raises `CorpusError` when the folder is missing or holds no `.txt` file."""
    root, files, problems, progress = list_folder(path, progress)
    ok, rejected = _read_files(root, files, max_bytes, store)
    return root, files, ok, problems + rejected, progress


def to_parse(ok, found: set[str], jobs: int | None) -> tuple[list[tuple[str, bytes]], int]:
    """(documents still to parse, once each, as (doc, bytes); processes to use).

    By default all cores (up to 4) when more than `config.POOL_MIN_DOCS` documents need parsing: below
    that, starting the processes costs more than it saves."""
    todo, seen = [], set(found)
    for file, doc, raw in ok:
        if doc not in seen:
            if raw is None:  # `_read_files` skips only files whose content the cache holds
                raise RuntimeError(f"kslib: {file} was not read but is not in the parse cache")
            todo.append((doc, raw))
            seen.add(doc)
    if jobs is None:
        jobs = config.default_jobs() if len(todo) > config.POOL_MIN_DOCS else 1
    return todo, jobs


def cache_for(root: Path, cache) -> ParseCache:
    """The parse cache: True for the default folder, a path for another, False for none."""
    if cache is True:
        return ParseCache(config.default_cache_dir(root))
    return ParseCache(Path(cache) if cache else None)


def build_articles(root: Path, ok, rejected, docs):
    """(listing with ids, articles, rejected frame, metadata issues) from the `docs` rows
    (an Arrow table, one row per document).

    `listing` has one row per article (file, doc, article_id, ...); rejected files
    are warned about; near-duplicates and metadata are applied."""
    import numpy as np
    import pandas as pd
    import pyarrow as pa
    import pyarrow.compute as pc

    # each file's document row, in file order (a document two files share gives both a row);
    # aligned and filtered in Arrow, so the long `text` column is copied at most once
    files = pa.array([f for f, _, _ in ok], pa.string())
    where = pc.index_in(pa.array([d for _, d, _ in ok], pa.string()), value_set=docs.column("doc"))
    if len(where) != docs.num_rows or where.null_count or \
            not np.array_equal(where.to_numpy(zero_copy_only=False), np.arange(docs.num_rows)):
        docs = docs.take(where)  # taking rows in their own order copies every text for nothing
    rows = docs.add_column(0, "file", files)
    parsed = pc.is_null(rows.column("reason"))
    if pc.all(parsed).as_py() is False:
        bad = rows.filter(pc.invert(parsed)).select(["file", "reason"]).to_pydict()
        rows = rows.filter(parsed)
    else:
        bad = {"file": [], "reason": []}
    rejected_rows = rejected + list(zip(bad["file"], bad["reason"]))
    for file, reason in rejected_rows:
        warnings.warn(f"kslib: rejected {file}: {reason}", stacklevel=4)
    listing = _assign_ids(rows.to_pandas())
    for file, encoding in zip(listing["file"], listing["encoding"]):
        if isinstance(encoding, str) and "invalid byte" in encoding:
            warnings.warn(f"kslib: {file} is not valid UTF-8 throughout: {encoding.removeprefix('utf-8 (')[:-1]}",
                          stacklevel=4)
    articles = frame("articles", listing.drop(columns=["doc", "reason", "text_id", "para_keys"]))
    near = _near_duplicates(listing["article_id"].tolist(), listing["para_keys"].tolist())
    if near:
        articles["duplicate_of"] = articles["duplicate_of"].fillna(articles["article_id"].map(near).astype("string"))
    from .metadata import merge_metadata

    articles, metadata_issues = merge_metadata(articles, root)
    rejected_frame = frame("rejected", pd.DataFrame(rejected_rows, columns=["file", "reason"]))
    return listing, articles, rejected_frame.sort_values("file", ignore_index=True), metadata_issues


def _assemble(root, n_files, ok, rejected, tables) -> Corpus:
    files, articles, rejected_frame, metadata_issues = build_articles(root, ok, rejected, tables["docs"])

    def per_article(name):
        return frame(name, _per_article(tables[name], files, name), copy=False)

    paragraphs = per_article("paragraphs")
    return Corpus(
        articles=articles,
        paragraphs=paragraphs,
        sentences=per_article("sentences"),
        rejected=rejected_frame,
        quotes=per_article("quotes"),
        people=per_article("people"),
        places=per_article("places"),
        terms=per_article("terms"),
        themes=per_article("themes"),
        metadata_issues=metadata_issues,
        root=root,
        n_files=n_files,
    )
