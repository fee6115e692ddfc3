"""Load a folder of article files into a `Corpus` of tidy, typed frames.

    >>> import kslib
    >>> corpus = kslib.load_corpus()          # data/seeds/
    >>> corpus.articles[["file", "title", "language"]]
    >>> print(corpus.summary())

Every article file found (`.txt`, `.md`, `.html`, `.docx`, `.pdf`; recursively, hidden ones
skipped; other files are rows of `rejected`) ends up either as a
row of `articles` or as a row of `rejected` with a reason; nothing is dropped
silently and one bad file never stops the run.
"""

from __future__ import annotations

import os
import warnings
from dataclasses import dataclass, fields
from pathlib import Path

from kslib import config
from kslib._engine.assemble import (
    CorpusError,
    _concat,
    articles_from_docs,
    arrow_to_pandas,
    cache_for,
    corpus_root,
    list_folder,
    per_article_arrow,
    rejected_paths,
    to_parse,
    warn_loaded,
    with_metadata,
)
from kslib._engine.cache import CacheDamaged, ParseCache
from kslib._engine.cache_files import _read
from kslib._engine.snapshot import Deferred, forget_snapshot, open_snapshot, save_snapshot, snapshot_key
from kslib._engine.pool import parse_documents
from kslib.extract.document import DOC_TABLES
from kslib.read.files import _read_files
from kslib.schema import frame


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
    #: how many of the files were parsed in this load (the rest came from the cache)
    n_parsed: int = 0

    def __getattribute__(self, name):
        # a table of the cache's snapshot is read when first used (see `_engine/snapshot.py`)
        value = object.__getattribute__(self, name)
        if type(value) is Deferred:
            value = value.load()
            object.__setattr__(self, name, value)
        return value

    def tables(self) -> dict[str, "object"]:
        """Every frame by name, in a stable order (what `kslib extract` writes)."""
        out = {}
        for f in fields(self):
            value = getattr(self, f.name)
            if f.name not in ("root", "n_files", "n_parsed") and value is not None:
                out[f.name] = value
        out["speakers"] = self.speakers
        return out

    @property
    def speakers(self):
        """One row per person across the corpus (same full name), see `kslib.people`."""
        from kslib.extract.speakers import to_speakers

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


def load_corpus(
    path: str | os.PathLike | None = None,
    *,
    cache: bool | str | os.PathLike = True,
    max_bytes: int = config.DEFAULT_MAX_BYTES,
    jobs: int | None = None,
    progress: bool | None = None,
    engine: str = "local",
    scheduler: str | None = None,
    _snapshot: bool = True,
) -> Corpus:
    """Load every article file (`.txt`, `.md`, `.html`, `.docx`, `.pdf`) below `path` (default `data/seeds/`).

    cache: True for the default cache folder (see `config.default_cache_dir`), a
    path for another one, False for none. jobs: processes for parsing (default:
    all cores when more than 200 files need parsing). engine: `local`, or `dask` to
    parse on a Dask cluster (`scheduler` address, else a LocalCluster). Returns a `Corpus`; files
    that could not be read become rows of `corpus.rejected`, with a warning.
    Raises `CorpusError` when the folder is missing or holds no article file.
    """

    store = cache_for(corpus_root(path), cache)
    try:
        for _ in range(3):
            try:
                return _load(path, store, max_bytes, jobs, progress, engine, scheduler, _snapshot)
            except CacheDamaged as exc:  # dropped, and its articles parsed again
                store.drop(exc.part, exc)
        raise CorpusError(f"the cache {store.home} keeps failing its checks; delete it or use cache=False")
    finally:
        store.close()


def _load(path, store: ParseCache, max_bytes: int, jobs, progress, engine, scheduler,
          snapshot: bool = True) -> Corpus:
    root, files, ok, rejected, progress = open_folder(path, max_bytes, progress, store)
    n_files = len(files) + len(rejected_paths(rejected, files))
    key = snapshot_key(ok, rejected, max_bytes)
    if snapshot and (opened := open_snapshot(store, root, key)) is not None:
        try:
            return _from_snapshot(root, n_files, opened, _reassemble(path, store, max_bytes, root, key))
        except CacheDamaged as exc:
            forget_snapshot(store, root, key)
            warnings.warn(f"kslib: {exc}; the corpus is assembled again", stacklevel=3)
    wanted = {doc for _, doc, _ in ok}
    cached, found = store.load(wanted, names=("docs",)) if store.enabled else ({}, set())
    todo, jobs = to_parse(ok, found, jobs)
    fresh = parse_documents(todo, store, jobs, progress, engine, scheduler) if todo else {}

    def table(name):  # one table of every document: its cached parts, read now, and the fresh rows
        if name == "docs" or not store.enabled:
            pieces = cached.get(name, [])
        else:
            pieces = store.load(found, names=(name,))[0].get(name, [])
        return _concat({name: pieces + ([fresh[name]] if fresh else [])})[name]

    files, articles, rejected_frame = articles_from_docs(ok, rejected, table("docs"))
    cached = {}
    keyed = _keyed(articles, rejected_frame, files, table)
    articles, metadata_issues = with_metadata(articles, root)
    opened = None
    if store.enabled:
        save_snapshot(store, root, key, keyed())  # one table at a time, each let go once written
        opened = open_snapshot(store, root, key)
    if opened is not None:  # the tables are read from the snapshot when first used
        again = _reassemble(path, store, max_bytes, root, key)
        deferred = {name: Deferred(name, opened[name], again) for name in _DEFERRED}
    else:  # no cache to keep them in: the tables assembled here, converted when first used
        tables = dict(keyed())
        deferred = {name: Deferred(name, tables[name], None) for name in _DEFERRED}
    loaded = Corpus(articles=articles, rejected=rejected_frame, metadata_issues=metadata_issues, root=root,
                    n_files=n_files, **deferred)
    loaded.n_parsed = len(todo)
    return loaded


def _keyed(articles, rejected_frame, files, table):
    """The snapshot's tables (Arrow, keyed by article, before the metadata file is merged) as
    a generator of (name, table): each is assembled only when the one before is written, so
    that a 100,000-article corpus never stands in memory whole (a report's own process, which
    reads only the articles, held every table as a frame: 6 GB)."""
    import pyarrow as pa

    def tables():
        yield "articles", pa.Table.from_pandas(articles, preserve_index=False)
        yield "rejected", pa.Table.from_pandas(rejected_frame, preserve_index=False)
        for name in _DEFERRED:
            yield name, per_article_arrow(table(name), files, name)
    return tables


def _reassemble(path, store: ParseCache, max_bytes: int, root, key: str):
    """`again` of a snapshot's table: a damaged snapshot is forgotten, and the table comes
    from the corpus assembled from the parts instead."""
    def again(name):
        forget_snapshot(store, root, key)
        return getattr(load_corpus(path, cache=store.root or False, max_bytes=max_bytes, progress=False,
                                   _snapshot=False), name)
    return again


#: The tables of a snapshot read when first used (articles and rejected are read at once).
_DEFERRED = ("paragraphs", "sentences", "quotes", "people", "places", "terms", "themes")


def _from_snapshot(root, n_files: int, opened: dict, again) -> Corpus:
    """A corpus from its snapshot: articles (with the metadata file merged now) and rejected
    read at once, the other tables when first used."""
    missing = {"articles", "rejected", *_DEFERRED} - set(opened)
    if missing:
        raise CacheDamaged(root, f"snapshot without {', '.join(sorted(missing))}")
    articles = frame("articles", arrow_to_pandas(_read(opened["articles"])), copy=False)
    rejected = frame("rejected", arrow_to_pandas(_read(opened["rejected"])), copy=False)
    warn_loaded(list(zip(rejected["file"], rejected["reason"])), articles)
    articles, metadata_issues = with_metadata(articles, root)
    deferred = {name: Deferred(name, opened[name], again) for name in _DEFERRED}
    return Corpus(articles=articles, rejected=rejected, metadata_issues=metadata_issues, root=root,
                  n_files=n_files, **deferred)


def open_folder(path, max_bytes: int, progress: bool | None, store: ParseCache | None = None):
    """(root, files (relative paths), readable (file, doc, bytes), rejected (file, reason),
    progress) of a folder; with the parse `store`, files it already holds unchanged are not
    read (bytes None).

    Raises `CorpusError` when the folder is missing or holds no article file."""
    root, files, problems, progress = list_folder(path, progress)
    ok, rejected = _read_files(root, files, max_bytes, store)
    return root, files, ok, problems + rejected, progress
