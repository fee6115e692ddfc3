"""The parse cache: per-document tables stored as Arrow files, keyed by content hash.

Layout: `<cache root>/kslib-cache/rules-<version>/part-<n>/<table>.arrow`. The cache
root is what the user names (`--cache`, `KSLIB_CACHE`) and may be any folder, even
their home or their articles: kslib keeps everything in its own folder
`kslib-cache/`, marked with a `CACHEDIR.TAG` (the Cache Directory Tagging
convention, which backup tools and kslib's own folder walk honour), and only ever
removes what lies inside that folder and carries its marks.

Beside the parts, `corpus-<folder>-<key>/` is a snapshot of a folder's corpus as
`load_corpus` last assembled it (see `snapshot.py`).

Each part holds the documents parsed in one run; every row carries `doc`, the
file's content hash. A run reads only the rows of the documents it needs (so
deleted files drop out), parses the rest and adds them as a new part. The rules
version is a hash of kslib's code, its resources and the versions of the
libraries that shape the tables, so a change of any of them starts a fresh cache.

Safety:
- every file ends in a CRC-32 of its bytes, checked before Arrow reads it: a damaged
  file raises `CacheDamaged` (never a segfault, never silently different tables); the
  loaders then drop its part, warn and parse its documents again;
- a run holds a shared lock on its rules version for as long as it uses the cache;
  old versions, leftover temporary parts and small parts (compaction) are removed
  only under an exclusive lock, so never while another run reads them;
- a cache that cannot be created or written is used read-only or not at all, with a
  warning: parsing goes on.
Deleting `kslib-cache/` is always safe.
"""

from __future__ import annotations

import os
import shutil
import time
import uuid
from contextlib import contextmanager
from pathlib import Path

from kslib._engine.cache_files import (
    CacheDamaged,
    _Lock,
    _read,
    _suppress,
    _warn,
    _write,
    _write_tables,
    only,
)
from kslib.config import rules_version

#: Above this many parts, the small ones are merged into one.
MAX_PARTS = 16
#: A part with fewer documents than this is small (from a rerun that added a few files).
SMALL_PART = 500
#: The folder kslib keeps inside any cache root, and its marker (bford.info/cachedir).
HOME = "kslib-cache"
CACHEDIR_TAG = ("Signature: 8a477f597d28d172789f06886806bc55\n"
                "# This folder is kslib's parse cache: it can be deleted at any time.\n")
#: The marker file of a rules-version folder.
VERSION_MARK = ".kslib-rules"
#: Leftover temporary parts older than this are swept even where no lock can be taken.
STALE_SECONDS = 24 * 3600
#: Columns of the file index (see `ParseCache.file_index`).
_INDEX_COLUMNS = ("file", "size", "mtime_ns", "ctime_ns", "inode", "doc")


class CacheFolder:
    """Where a cache lives (`<root>/kslib-cache/rules-<version>/`), the lock a run holds on it,
    the clean-up of what no run uses, and the file index of each folder of articles."""

    def __init__(self, directory: Path | None):
        self.root = Path(directory) if directory is not None else None
        self.home = self.root / HOME if self.root is not None else None
        self.dir = self.home / f"rules-{rules_version()}" if self.home is not None else None
        self.writable = self.dir is not None
        self._doc_sets: dict[Path, set[str]] = {}  # part -> its documents (a part never changes)
        self._lock: _Lock | None = None
        if self.dir is not None:
            self._open()

    # -- opening, locking, housekeeping ------------------------------------------------
    def _open(self) -> None:
        try:
            self.home.mkdir(parents=True, exist_ok=True)
            tag = self.home / "CACHEDIR.TAG"
            if not tag.exists():
                tag.write_text(CACHEDIR_TAG, encoding="utf-8")
            self.dir.mkdir(exist_ok=True)
            mark = self.dir / VERSION_MARK
            if not mark.exists():
                mark.write_text(rules_version() + "\n", encoding="utf-8")
        except OSError as exc:
            self.writable = False
            if self.dir.is_dir():
                _warn(f"the cache {self.home} cannot be written ({exc.strerror or exc}); it is only read")
            else:
                _warn(f"the cache {self.home} cannot be created ({exc.strerror or exc}); parsing without it")
                self.dir = None
                return
        self._lock = _Lock(self.home / f"rules-{rules_version()}.lock")
        self._lock.take(exclusive=False)
        self._housekeeping()

    def close(self) -> None:
        """Give up this run's lock (also done when the process ends)."""
        if self._lock is not None:
            self._lock.release()
            self._lock = None

    @contextmanager
    def _alone(self):
        """A context in which this run holds its version exclusively (yields False when another
        run uses it too); the shared lock is taken again afterwards."""
        got = self.writable and self._lock is not None and self._lock.take(exclusive=True, wait=False)
        try:
            yield got
        finally:
            if self._lock is not None and self._lock.fd is not None:
                self._lock.take(exclusive=False)

    def _housekeeping(self) -> None:
        """Remove what kslib left and no run uses: other rules versions (each under its own
        lock), leftover temporary parts (under this version's exclusive lock, or when a day
        old). Only folders that carry kslib's marks inside `kslib-cache/` are touched."""
        if not self.writable:
            return
        for other in self.home.iterdir():
            if other == self.dir or not other.name.startswith("rules-") or not other.is_dir():
                continue
            if not (other / VERSION_MARK).is_file():
                continue
            lock = _Lock(self.home / f"{other.name}.lock")
            if lock.take(exclusive=True, wait=False):
                try:
                    shutil.rmtree(other, ignore_errors=True)
                    with _suppress():
                        os.unlink(lock.path)
                finally:
                    lock.release()
        with self._alone() as alone:
            now = time.time()
            for tmp in self.dir.glob(".tmp-*"):
                with _suppress():
                    if alone or now - tmp.stat().st_mtime > STALE_SECONDS:
                        shutil.rmtree(tmp, ignore_errors=True)

    @property
    def enabled(self) -> bool:
        return self.dir is not None

    @staticmethod
    def root_key(root: Path) -> str:
        """A short key for a folder of articles (its file index, its snapshots)."""
        import hashlib

        return hashlib.blake2b(str(Path(root).resolve()).encode("utf-8", "surrogateescape"),
                               digest_size=8).hexdigest()

    def _index_path(self, root: Path) -> Path:
        return self.home / f"files-{self.root_key(root)}.arrow"

    def file_index(self, root: Path) -> dict[str, tuple]:
        """What the last run saw of the files below `root`: path -> (size, mtime_ns,
        ctime_ns, inode, doc) (empty when there is no cache or no sound index yet)."""
        if not self.enabled:
            return {}
        try:
            cols = _read(self._index_path(root)).to_pydict()
        except (OSError, ValueError):  # none yet, damaged or unreadable: every file is read
            return {}
        return {file: tuple(row) for file, *row in zip(*(cols[c] for c in _INDEX_COLUMNS))}

    def save_file_index(self, root: Path, index: dict[str, tuple]) -> None:
        import pyarrow as pa

        if not self.enabled or not self.writable:
            return
        rows = list(zip(*[(file, *row) for file, row in index.items()])) or [()] * len(_INDEX_COLUMNS)
        table = pa.table({c: pa.array(v, pa.string() if c in ("file", "doc") else pa.int64())
                          for c, v in zip(_INDEX_COLUMNS, rows)})
        path = self._index_path(root)
        tmp = path.with_name(f".tmp-{uuid.uuid4().hex}-{path.name}")
        try:
            _write(table, tmp)
            os.replace(tmp, path)
        except OSError as exc:
            with _suppress():
                os.unlink(tmp)
            _warn(f"the cache's file index could not be saved ({exc.strerror or exc}); every file is read next time")

    def describe(self) -> dict:
        """Where the cache is and what it holds (for messages)."""
        return {"folder": str(self.home) if self.home else None, "parts": len(self._parts()),
                "writable": self.writable}


class ParseCache(CacheFolder):
    """Read and write parsed documents as parts of the cache; `ParseCache(None)` is a cache that
    keeps nothing."""

    # -- reading -----------------------------------------------------------------------
    def _docs(self, part: Path) -> set[str]:
        """The documents a part holds, read once."""
        if part not in self._doc_sets:
            self._doc_sets[part] = set(_read(part / "docs.arrow", ["doc"]).column("doc").to_pylist())
        return self._doc_sets[part]

    def _parts(self) -> list[Path]:
        if not self.enabled or not self.dir.exists():
            return []
        return sorted(p for p in self.dir.iterdir() if p.is_dir() and p.name.startswith("part-")
                      and (p / "_SUCCESS").exists())

    def all_docs(self) -> set[str]:
        """Every document the cache holds (a part whose `docs` file is damaged is dropped)."""
        out: set[str] = set()
        for part in self._parts():
            try:
                out |= self._docs(part)
            except (CacheDamaged, OSError) as exc:
                self.drop(part, exc)
        return out

    def drop(self, part: Path, why=None) -> None:
        """Forget a damaged part, and remove it when the cache is writable: its documents are
        parsed again."""
        _warn(f"cache part {part} is damaged ({why}); its articles are parsed again")
        self._doc_sets.pop(part, None)
        if self.writable and part.parent == self.dir and part.name.startswith("part-"):
            with _suppress():
                os.rename(part, self.dir / f".tmp-dropped-{uuid.uuid4().hex}")

    def part_docs(self, wanted: set[str]) -> dict[Path, set[str]]:
        """The parts that hold `wanted` documents, each with the documents to take from it
        (a document stored twice is taken from the first part only)."""
        return self._part_docs(self._parts(), wanted)

    def _part_docs(self, parts, wanted: set[str]) -> dict[Path, set[str]]:
        out: dict[Path, set[str]] = {}
        found: set[str] = set()
        for part in parts:
            docs = self._docs(part)
            hit = (docs & wanted) - found
            if hit:
                out[part] = hit
                found |= hit
        return out

    def read(self, part: Path, name: str, keep: set[str]):
        """One table of one part, restricted to the documents in `keep`."""
        table = _read(part / f"{name}.arrow")
        if self._docs(part) - keep:
            table = only(table, keep)
        return table

    def load(self, wanted: set[str], names=None) -> tuple[dict[str, list], set[str]]:
        """Cached rows for the `wanted` documents: ({table: [Arrow tables]}, docs found), of the
        tables `names` only when given (a large corpus is read one table at a time).
        Raises `CacheDamaged` for a damaged file (the loaders drop its part and retry)."""
        found: set[str] = set()
        pieces: dict[str, list] = {}
        for part in self._parts():
            docs = self._docs(part)
            hit = (docs & wanted) - found
            if not hit:
                continue
            for file in sorted(part.glob("*.arrow")):
                if names is not None and file.stem not in names:
                    continue
                table = _read(file)
                pieces.setdefault(file.stem, []).append(only(table, hit) if len(hit) < len(docs) else table)
            found |= hit
        return pieces, found

    # -- writing -----------------------------------------------------------------------
    @staticmethod
    def new_part_name() -> str:
        """A name for the next part: names sort in the order parts were written, so datasets
        read back in that order."""
        return f"part-{time.time_ns():020d}-{uuid.uuid4().hex[:6]}"

    def store(self, tables: dict[str, "object"], part_name: str | None = None) -> Path | None:
        """Add freshly parsed documents (Arrow tables) as a new part (named `part_name`, or a new
        name), written atomically; returns the part (None when nothing was stored: no cache,
        a read-only one, or a write that failed, with a warning). The part may be merged away
        at once when the cache has too many (`compact`)."""
        part = self._store(tables, part_name)
        if part is not None and len(self._parts()) > MAX_PARTS:
            self.compact()
        return part

    def _store(self, tables: dict[str, "object"], part_name: str | None = None) -> Path | None:
        if not self.enabled or not self.writable or tables["docs"].num_rows == 0:
            return None
        tmp = None
        part = self.dir / (part_name or self.new_part_name())
        try:
            tmp = _write_tables(self.dir, tables)
            os.replace(tmp, part)
        except OSError as exc:
            if tmp is not None:
                shutil.rmtree(tmp, ignore_errors=True)
            self.writable = False
            _warn(f"the cache {self.home} could not be written ({exc.strerror or exc}); going on without storing")
            return None
        self._doc_sets[part] = set(tables["docs"].column("doc").to_pylist())  # not read back
        return part

    def compact(self) -> None:
        """Merge the small parts (left by reruns that added a few files) into one, so a
        cache grown by many small reruns stays fast; large parts are left as they are.
        Only when no other run uses this cache (it could be reading those parts)."""
        import pyarrow as pa

        with self._alone() as alone:
            if not alone:
                return
            small = [p for p in self._parts() if len(self._docs(p)) < SMALL_PART]
            if len(small) < 2:
                return
            docs: set[str] = set()
            for part in small:
                docs |= self._docs(part)
            pieces: dict[str, list] = {}
            for part, keep in self._part_docs(small, docs).items():
                for file in part.glob("*.arrow"):
                    pieces.setdefault(file.stem, []).append(self.read(part, file.stem, keep))
            merged = self._store({name: pa.concat_tables(tables, promote_options="permissive")
                                 for name, tables in pieces.items()})
            if merged is None:  # not written: keep the small parts
                return
            for part in small:
                gone = self.dir / f".tmp-old-{uuid.uuid4().hex}"
                with _suppress():
                    os.rename(part, gone)  # out of sight at once, then removed
                    shutil.rmtree(gone, ignore_errors=True)
                self._doc_sets.pop(part, None)
