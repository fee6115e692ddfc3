"""The parse cache: per-document tables stored as parquet, keyed by content hash.

Layout: `<cache_dir>/<rules_version>/part-<n>/<table>.parquet`. Each part holds
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


class ParseCache:
    """Read and write parsed documents; `ParseCache(None)` is a cache that keeps nothing."""

    def __init__(self, directory: Path | None):
        self.root = Path(directory) if directory is not None else None
        self.dir = self.root / rules_version() if self.root is not None else None

    @property
    def enabled(self) -> bool:
        return self.dir is not None

    def _parts(self) -> list[Path]:
        if not self.enabled or not self.dir.exists():
            return []
        return sorted(p for p in self.dir.iterdir() if p.is_dir() and p.name.startswith("part-")
                      and (p / "_SUCCESS").exists())

    def part_docs(self, wanted: set[str]) -> dict[Path, set[str]]:
        """The parts that hold `wanted` documents, each with the documents to take from it
        (a document stored twice is taken from the first part only)."""
        return self._part_docs(self._parts(), wanted)

    @staticmethod
    def _part_docs(parts, wanted: set[str]) -> dict[Path, set[str]]:
        import pyarrow.parquet as pq

        out: dict[Path, set[str]] = {}
        found: set[str] = set()
        for part in parts:
            docs = set(pq.read_table(part / "docs.parquet", columns=["doc"]).column("doc").to_pylist())
            hit = (docs & wanted) - found
            if hit:
                out[part] = hit
                found |= hit
        return out

    def read(self, part: Path, name: str, keep: set[str]):
        """One table of one part, restricted to the documents in `keep`."""
        import pyarrow as pa
        import pyarrow.compute as pc
        import pyarrow.parquet as pq

        table = pq.read_table(part / f"{name}.parquet")
        present = set(pc.unique(table.column("doc")).to_pylist()) if table.num_rows else set()
        if present - keep:
            table = table.filter(pc.is_in(table.column("doc"), value_set=pa.array(sorted(keep), pa.string())))
        return table

    def load(self, wanted: set[str]) -> tuple[dict[str, list], set[str]]:
        """Cached rows for the `wanted` documents: ({table: [Arrow tables]}, docs found)."""
        import pyarrow as pa
        import pyarrow.compute as pc
        import pyarrow.parquet as pq

        found: set[str] = set()
        pieces: dict[str, list] = {}
        for part in self._parts():
            docs = set(pq.read_table(part / "docs.parquet", columns=["doc"]).column("doc").to_pylist())
            hit = (docs & wanted) - found
            if not hit:
                continue
            keep = pa.array(sorted(hit)) if len(hit) < len(docs) else None
            for file in part.glob("*.parquet"):
                table = pq.read_table(file)
                if keep is not None:
                    table = table.filter(pc.is_in(table.column("doc"), value_set=keep))
                pieces.setdefault(file.stem, []).append(table)
            found |= hit
        return pieces, found

    def store(self, tables: dict[str, "object"]) -> None:
        """Add freshly parsed documents (Arrow tables) as a new part, written atomically."""
        import pyarrow.parquet as pq

        if not self.enabled or tables["docs"].num_rows == 0:
            return
        self.dir.mkdir(parents=True, exist_ok=True)
        self._drop_old_versions()
        tmp = self.dir / f".tmp-{uuid.uuid4().hex}"
        tmp.mkdir()
        for name, table in tables.items():
            pq.write_table(table, tmp / f"{name}.parquet")
        (tmp / "_SUCCESS").touch()
        # names sort in the order parts were written, so datasets read back in that order
        os.replace(tmp, self.dir / f"part-{time.time_ns():020d}-{uuid.uuid4().hex[:6]}")
        if len(self._parts()) > MAX_PARTS:
            self.compact()

    def compact(self) -> None:
        """Merge the small parts (left by reruns that added a few files) into one, so a
        cache grown by many small reruns stays fast; large parts are left as they are."""
        import pyarrow as pa
        import pyarrow.parquet as pq

        small = [p for p in self._parts() if pq.read_metadata(p / "docs.parquet").num_rows < SMALL_PART]
        if len(small) < 2:
            return
        docs: set[str] = set()
        for part in small:
            docs |= set(pq.read_table(part / "docs.parquet", columns=["doc"]).column("doc").to_pylist())
        pieces: dict[str, list] = {}
        for part, keep in ((p, d) for p, d in ParseCache._part_docs(small, docs).items()):
            for file in part.glob("*.parquet"):
                pieces.setdefault(file.stem, []).append(self.read(part, file.stem, keep))
        for part in small:
            shutil.rmtree(part, ignore_errors=True)
        self.store({name: pa.concat_tables(tables, promote_options="permissive")
                    for name, tables in pieces.items()})

    def _drop_old_versions(self) -> None:
        for other in self.root.iterdir():
            if other.is_dir() and other != self.dir and len(other.name) == len(self.dir.name):
                shutil.rmtree(other, ignore_errors=True)
