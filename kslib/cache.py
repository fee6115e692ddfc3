"""The parse cache: per-document tables stored as Arrow files, keyed by content hash.

Layout: `<cache_dir>/<rules_version>/part-<n>/<table>.arrow` (Arrow IPC with LZ4:
about ten times faster to write and read than parquet, which matters because a
cold run writes every table once here and once as output). Each part holds
the documents parsed in one run; every row carries `doc`, the file's content
hash. A run reads only the rows of the documents it needs (so deleted files drop
out), parses the rest and adds them as a new part. The rules version is a hash
of kslib's code and resources, so a change of rules starts a fresh cache: it can
never return stale results. Deleting the folder is always safe.
"""

from __future__ import annotations

import os
import shutil
import time
import uuid
from pathlib import Path

from .config import rules_version

#: Above this many parts, the small ones are merged into one.
MAX_PARTS = 16
#: A part with fewer documents than this is small (from a rerun that added a few files).
SMALL_PART = 500


#: Columns of the file index (see `ParseCache.file_index`).
_INDEX_COLUMNS = ("file", "size", "mtime_ns", "ctime_ns", "inode", "doc")


def _write(table, path: Path) -> None:
    import pyarrow.feather as feather

    feather.write_feather(table, path, compression="lz4")


def _read(path: Path, columns: list[str] | None = None):
    import pyarrow.feather as feather

    return feather.read_table(path, columns=columns, memory_map=False)  # files can be deleted on Windows too


def only(table, keep: set[str]):
    """The rows of `table` whose document is in `keep`."""
    import pyarrow.compute as pc

    from .extract import doc_positions

    return table.filter(pc.is_valid(doc_positions(table.column("doc"), sorted(keep))))


def _read_docs(part: Path) -> set[str]:
    """The documents a part holds, from its `docs` file."""
    return set(_read(part / "docs.arrow", ["doc"]).column("doc").to_pylist())


class ParseCache:
    """Read and write parsed documents; `ParseCache(None)` is a cache that keeps nothing."""

    def __init__(self, directory: Path | None):
        self.root = Path(directory) if directory is not None else None
        self.dir = self.root / rules_version() if self.root is not None else None
        self._doc_sets: dict[Path, set[str]] = {}  # part -> its documents (a part never changes)

    def _docs(self, part: Path) -> set[str]:
        """The documents a part holds, read once."""
        if part not in self._doc_sets:
            self._doc_sets[part] = _read_docs(part)
        return self._doc_sets[part]

    @property
    def enabled(self) -> bool:
        return self.dir is not None

    def _parts(self) -> list[Path]:
        if not self.enabled or not self.dir.exists():
            return []
        return sorted(p for p in self.dir.iterdir() if p.is_dir() and p.name.startswith("part-")
                      and (p / "_SUCCESS").exists())

    def all_docs(self) -> set[str]:
        """Every document the cache holds."""
        return set().union(*(self._docs(part) for part in self._parts()))

    def _index_path(self, root: Path) -> Path:
        import hashlib

        key = hashlib.blake2b(str(Path(root).resolve()).encode(), digest_size=8).hexdigest()
        return self.root / f"files-{key}.arrow"

    def file_index(self, root: Path) -> dict[str, tuple]:
        """What the last run saw of the files below `root`: path -> (size, mtime_ns,
        ctime_ns, inode, doc) (empty when there is no cache or no index yet)."""
        if not self.enabled:
            return {}
        try:
            cols = _read(self._index_path(root)).to_pydict()
        except (OSError, ValueError):  # none yet, or unreadable: every file is read
            return {}
        return {file: tuple(row) for file, *row in zip(*(cols[c] for c in _INDEX_COLUMNS))}

    def save_file_index(self, root: Path, index: dict[str, tuple]) -> None:
        import pyarrow as pa

        if not self.enabled:
            return
        self.root.mkdir(parents=True, exist_ok=True)
        rows = list(zip(*[(file, *row) for file, row in index.items()])) or [()] * len(_INDEX_COLUMNS)
        table = pa.table({c: pa.array(v, pa.string() if c in ("file", "doc") else pa.int64())
                          for c, v in zip(_INDEX_COLUMNS, rows)})
        path = self._index_path(root)
        tmp = path.with_suffix(f".{uuid.uuid4().hex}.tmp")
        _write(table, tmp)
        os.replace(tmp, path)

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

    def load(self, wanted: set[str]) -> tuple[dict[str, list], set[str]]:
        """Cached rows for the `wanted` documents: ({table: [Arrow tables]}, docs found)."""
        found: set[str] = set()
        pieces: dict[str, list] = {}
        for part in self._parts():
            docs = self._docs(part)
            hit = (docs & wanted) - found
            if not hit:
                continue
            for file in part.glob("*.arrow"):
                table = _read(file)
                pieces.setdefault(file.stem, []).append(only(table, hit) if len(hit) < len(docs) else table)
            found |= hit
        return pieces, found

    @staticmethod
    def new_part_name() -> str:
        """A name for the next part: names sort in the order parts were written, so datasets
        read back in that order."""
        return f"part-{time.time_ns():020d}-{uuid.uuid4().hex[:6]}"

    def store(self, tables: dict[str, "object"], part_name: str | None = None) -> Path | None:
        """Add freshly parsed documents (Arrow tables) as a new part (named `part_name`, or a new
        name), written atomically; returns the part (None when nothing was stored). The part
        may be merged away at once when the cache has too many (`compact`)."""
        if not self.enabled or tables["docs"].num_rows == 0:
            return None
        self.dir.mkdir(parents=True, exist_ok=True)
        self._drop_old_versions()
        tmp = self.dir / f".tmp-{uuid.uuid4().hex}"
        tmp.mkdir()
        for name, table in tables.items():
            _write(table, tmp / f"{name}.arrow")
        (tmp / "_SUCCESS").touch()
        part = self.dir / (part_name or self.new_part_name())
        os.replace(tmp, part)
        self._doc_sets[part] = set(tables["docs"].column("doc").to_pylist())  # not read back
        if len(self._parts()) > MAX_PARTS:
            self.compact()
        return part

    def compact(self) -> None:
        """Merge the small parts (left by reruns that added a few files) into one, so a
        cache grown by many small reruns stays fast; large parts are left as they are."""
        import pyarrow as pa

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
        for part in small:
            shutil.rmtree(part, ignore_errors=True)
            self._doc_sets.pop(part, None)
        self.store({name: pa.concat_tables(tables, promote_options="permissive")
                    for name, tables in pieces.items()})

    def _drop_old_versions(self) -> None:
        for other in self.root.iterdir():
            if other.is_dir() and other != self.dir and len(other.name) == len(self.dir.name):
                shutil.rmtree(other, ignore_errors=True)
