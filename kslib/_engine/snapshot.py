"""Snapshots: a folder's corpus as `load_corpus` last assembled it, kept in the parse cache.

`<cache>/kslib-cache/rules-<version>/corpus-<folder>-<key>/<table>.arrow` holds every table
keyed by article (before the folder's metadata file is merged, which is read on every
load), the key a hash of the folder's files, their contents and the rejected files: the
next load of the unchanged folder (each notebook of a report) reads it instead of
re-keying every part, and reads a table only when it is used (`Deferred`). A snapshot
never changes once written; the files are the cache's (`_write`, CRC-checked `_read_by_column`).
Old snapshots of a folder are removed only when no other run uses the cache; a damaged
one is moved away at once (a reader holds its tables in memory or reads them again
from the parts).
"""

from __future__ import annotations

import os
import shutil
import uuid
import warnings
import weakref
from pathlib import Path

from kslib._engine.cache import ParseCache
from kslib._engine.cache_files import CacheDamaged, _read_by_column, _suppress, _write_tables


def snapshot_key(ok, rejected, max_bytes: int) -> str:
    """What a folder's corpus depends on besides the rules (which key the cache itself): its
    files, their contents (each one's hash) and the rejected files with their reasons."""
    import hashlib

    digest = hashlib.blake2b(f"{max_bytes}\n".encode(), digest_size=12)
    for file, doc, _ in sorted(ok, key=lambda r: r[0]):
        digest.update(f"{file}\0{doc}\n".encode("utf-8", "surrogateescape"))
    for file, reason in sorted(rejected):
        digest.update(f"!{file}\0{reason}\n".encode("utf-8", "surrogateescape"))
    return digest.hexdigest()


def _folder(store: ParseCache, root: Path, key: str) -> Path:
    return store.dir / f"corpus-{store.root_key(root)}-{key}"


def open_snapshot(store: ParseCache, root: Path, key: str) -> dict[str, Path] | None:
    """The table files of the snapshot `key` of the folder `root` by name, or None when there
    is none."""
    if not store.enabled:
        return None
    folder = _folder(store, root, key)
    if not (folder / "_SUCCESS").is_file():
        return None
    return {path.stem: path for path in sorted(folder.glob("*.arrow"))}


def save_snapshot(store: ParseCache, root: Path, key: str, tables) -> None:
    """Keep the assembled tables (Arrow; a dict, or (name, table) pairs made one at a time) of
    the folder `root` as its snapshot `key`, written atomically; the folder's older snapshots
    go when no other run uses the cache. A snapshot that cannot be written only makes the next
    load slower: no warning."""
    if not store.enabled or not store.writable:
        return
    folder = _folder(store, root, key)
    if not folder.exists():
        tmp = None
        try:
            tmp = _write_tables(store.dir, tables)
            os.rename(tmp, folder)
        except OSError:  # another run wrote it first, or the disk is full
            if tmp is not None:
                shutil.rmtree(tmp, ignore_errors=True)
    with store._alone() as alone:
        if alone:
            for old in store.dir.glob(f"corpus-{store.root_key(root)}-*"):
                if old != folder and old.is_dir() and str(old) not in _PINNED:
                    _remove(store, old)


def forget_snapshot(store: ParseCache, root: Path, key: str) -> None:
    """Move a damaged snapshot out of the way at once; the next load writes it again."""
    if store.enabled and store.writable:
        _remove(store, _folder(store, root, key))


def _remove(store: ParseCache, folder: Path) -> None:
    gone = store.dir / f".tmp-old-{uuid.uuid4().hex}"
    with _suppress():
        os.rename(folder, gone)  # out of sight at once, then removed
        shutil.rmtree(gone, ignore_errors=True)


class _Pin:
    """Held by the unread tables of a snapshot: while one lives, the snapshot is not removed."""


#: snapshot folder -> its pin, while a corpus of this process has tables still to read there
#: (a second load of a changed folder would otherwise remove the files the first one reads)
_PINNED: "weakref.WeakValueDictionary[str, _Pin]" = weakref.WeakValueDictionary()


def pin(folder: Path) -> _Pin:
    """The pin of a snapshot folder, shared by every unread table read from it."""
    return _PINNED.setdefault(str(folder), _Pin())


class Deferred:
    """A table of a snapshot, read, checked and converted when first used; `again(name)` gives
    the table assembled from the parts when the file turns out damaged or gone. `path` may
    also be an Arrow table assembled in this process: converted when first used. Until it is
    read, it pins its snapshot (`pin`)."""

    __slots__ = ("name", "path", "again", "pinned")

    def __init__(self, name: str, path: Path, again):
        self.name, self.path, self.again = name, path, again
        self.pinned = pin(Path(path).parent) if isinstance(path, (str, Path)) else None

    def load(self):
        import pandas as pd
        import pyarrow as pa

        from kslib._engine.assemble import arrow_to_pandas
        from kslib.schema import frame

        columns = {}
        if isinstance(self.path, pa.Table):  # a table assembled in this process, not yet written
            table, self.path = self.path, None
            return frame(self.name, arrow_to_pandas(table, self_destruct=True), copy=False)
        try:  # column by column, each converted and its Arrow memory given back before the next
            for name, table in _read_by_column(self.path):
                columns[name] = arrow_to_pandas(table, self_destruct=True)[name]
                del table
                pa.default_memory_pool().release_unused()
        except CacheDamaged as exc:
            warnings.warn(f"kslib: {exc}; the corpus is assembled again", stacklevel=4)
            return self.again(self.name)
        return frame(self.name, pd.DataFrame(columns, copy=False), copy=False)

    def __repr__(self) -> str:
        return f"<{self.name}: read when first used>"
