"""The cache's files: Arrow tables with a CRC-32 footer checked before they are read, and the
advisory locks that keep runs from removing what another run uses."""

from __future__ import annotations

import contextlib
import os
import struct
import warnings
import zlib
from pathlib import Path

_FOOTER = struct.Struct("<8sI")

_MAGIC = b"KSLIBCRC"


try:  # advisory locks: POSIX; elsewhere no lock is taken and nothing is ever removed
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None


class CacheDamaged(ValueError):
    """A cache file whose bytes are not what was written (its checksum fails)."""

    def __init__(self, path: Path, why: str):
        self.path = Path(path)
        super().__init__(f"damaged cache file {path} ({why})")

    @property
    def part(self) -> Path:
        return self.path.parent


def _write(table, path: Path) -> None:
    """An Arrow table as an LZ4 Feather file followed by a CRC-32 footer, written at once."""
    import pyarrow as pa
    import pyarrow.feather as feather

    sink = pa.BufferOutputStream()
    feather.write_feather(table, sink, compression="lz4")
    data = sink.getvalue()
    with open(path, "wb") as fh:
        fh.write(data)
        fh.write(_FOOTER.pack(_MAGIC, zlib.crc32(data)))


def _write_tables(parent: Path, tables) -> Path:
    """Tables (a dict, or (name, table) pairs made one at a time) written as `<name>.arrow`
    into a new temporary folder in `parent`, marked complete (`_SUCCESS`): the caller renames
    it into place. Raises what failed (OSError, or what making a table raised) after removing
    what it wrote."""
    import shutil
    import uuid

    tmp = Path(parent) / f".tmp-{uuid.uuid4().hex}"
    try:
        tmp.mkdir()
        for name, table in (tables.items() if isinstance(tables, dict) else tables):
            _write(table, tmp / f"{name}.arrow")
            del table  # a large table is let go before the next is made
        (tmp / "_SUCCESS").touch()
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return tmp


def _read(path: Path, columns: list[str] | None = None):
    """A table written by `_write`, after its checksum is checked (`CacheDamaged` if not)."""
    import pyarrow as pa
    import pyarrow.feather as feather

    body = _checked(path)
    try:
        return feather.read_table(pa.BufferReader(pa.py_buffer(body)), columns=columns, memory_map=False)
    except (pa.ArrowException, ValueError, KeyError) as exc:  # sound bytes of another layout
        raise CacheDamaged(path, f"unreadable: {exc}") from None


def _read_by_column(path: Path):
    """(name, one-column table) for each column of a table written by `_write`, its checksum
    checked once: a reader converts and drops each column before the next is decompressed,
    so a large table never stands in memory twice."""
    import pyarrow as pa
    import pyarrow.feather as feather
    import pyarrow.ipc as ipc

    body = _checked(path)
    try:
        names = ipc.open_file(pa.BufferReader(pa.py_buffer(body))).schema.names
        for name in names:
            yield name, feather.read_table(pa.BufferReader(pa.py_buffer(body)), columns=[name], memory_map=False)
    except (pa.ArrowException, ValueError, KeyError) as exc:
        raise CacheDamaged(path, f"unreadable: {exc}") from None


def _checked(path: Path) -> memoryview:
    """The Arrow bytes of a file written by `_write`, after its checksum is checked."""
    try:
        data = Path(path).read_bytes()
    except OSError as exc:  # a part missing a file (only compaction removes parts, under a lock)
        raise CacheDamaged(path, exc.strerror or str(exc)) from None
    if len(data) < _FOOTER.size:
        raise CacheDamaged(path, "truncated")
    magic, crc = _FOOTER.unpack_from(data, len(data) - _FOOTER.size)
    body = memoryview(data)[: len(data) - _FOOTER.size]
    if magic != _MAGIC or zlib.crc32(body) != crc:
        raise CacheDamaged(path, "checksum mismatch")
    return body


def only(table, keep: set[str]):
    """The rows of `table` whose document is in `keep`."""
    import pyarrow.compute as pc

    from kslib.arrays import doc_positions

    return table.filter(pc.is_valid(doc_positions(table.column("doc"), sorted(keep))))


def _warn(message: str) -> None:
    warnings.warn(f"kslib: {message}", stacklevel=3)


class _Lock:
    """An advisory `flock` on a file, shared or exclusive; a no-op where there is none."""

    def __init__(self, path: Path):
        self.path, self.fd = path, None

    def take(self, exclusive: bool = False, wait: bool = True) -> bool:
        if fcntl is None:
            return not exclusive  # no locks: never claim to be alone
        if self.fd is None:
            try:
                self.fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
            except OSError:
                try:  # a read-only cache: a lock on a file opened for reading
                    self.fd = os.open(self.path, os.O_RDONLY)
                except OSError:
                    return not exclusive
        flags = (fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH) | (0 if wait else fcntl.LOCK_NB)
        try:
            fcntl.flock(self.fd, flags)
            return True
        except OSError:
            return False

    def release(self) -> None:
        if self.fd is not None:
            os.close(self.fd)  # closing drops the lock
            self.fd = None


def _suppress():

    return contextlib.suppress(OSError)
