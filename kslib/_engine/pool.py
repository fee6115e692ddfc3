"""The one process pool: local worker processes that leave their tables in a spool in memory, or Dask."""

from __future__ import annotations

import contextlib
import gc
import os
import shutil
import tempfile
from collections import deque
from pathlib import Path

from kslib import config
from kslib._engine.assemble import _concat
from kslib._engine.cache import ParseCache
from kslib._engine.signals import die_with_parent
from kslib.config import CHUNK_DOCS, POOL_MIN_DOCS
from kslib.extract.document import DOC_TABLES, parse_many

#: Documents per cache part: the unit that is read and written at once.
PART_DOCS = 2000


class _Parser:
    """Parses documents while the folder is still being read, into cache parts.

    Documents the cache holds, or already offered, are skipped. Once more than
    `POOL_MIN_DOCS` wait, chunks go to `jobs` worker processes as they fill, so the
    workers parse while the main process reads the rest (below that, starting the
    processes costs more than it saves, and what remains is parsed in `finish`).
    At most a few chunks per worker are in flight, taken in order: memory stays bounded."""

    def __init__(self, store: ParseCache, jobs: int | None, progress: bool, on_part=None, keep: bool = False):
        self.store, self.jobs, self.progress, self.on_part = store, jobs, progress, on_part
        self.kept: list[dict] | None = [] if keep else None  # every part's tables, when the caller wants them
        self.seen = store.all_docs()
        self.waiting: list[tuple[str, bytes]] = []
        self.buffer: list[dict] = []
        self.pool = self.bar = None
        self.spool: str | None = None  # where workers leave their tables (see `_parse_to_spool`)
        self.pending: deque = deque()
        self.n = 0

    def offer(self, doc: str, raw: bytes) -> bool:
        """Take one document read from the folder; True when it will be parsed here."""
        if doc in self.seen:
            return False
        self.seen.add(doc)
        self.waiting.append((doc, raw))
        self.n += 1
        if self.pool is None and self.n > POOL_MIN_DOCS and self._workers() > 1:
            self._start_pool()
        if self.pool is not None and len(self.waiting) >= CHUNK_DOCS:
            self._submit()
        return True

    def finish(self) -> None:
        """Parse what is still waiting, wait for the workers, store the last part."""
        if self.pool is None and len(self.waiting) > CHUNK_DOCS and self._workers() > 1:
            self._start_pool()
        if self.pool is not None:
            self._submit()
            while self.pending:
                self._take_oldest()
            self.close()
        elif self.waiting:
            self._start_bar()
            for i in range(0, len(self.waiting), CHUNK_DOCS):
                items = self.waiting[i : i + CHUNK_DOCS]
                self._take(len(items), parse_many(items))
            self.waiting.clear()
        self._flush()
        if self.bar is not None:
            self.bar.total = self.n
            self.bar.refresh()
            self.bar.close()

    def close(self, failed: bool = False) -> None:
        """Stop the workers, also when parsing failed (chunks not yet started are dropped; after
        a failure or a signal, running ones are ended too)."""
        if self.pool is not None:
            if failed:
                for proc in list(getattr(self.pool, "_processes", {}).values()):
                    proc.terminate()
            self.pool.shutdown(cancel_futures=True)
            self.pool = None
        if self.spool:
            shutil.rmtree(self.spool, ignore_errors=True)
            self.spool = None

    def _workers(self) -> int:
        return self.jobs if self.jobs is not None else config.default_jobs()

    def _start_bar(self) -> None:
        self.bar = config.progress_bar(None, "Parsing", self.progress)

    def _start_pool(self) -> None:
        from concurrent.futures import ProcessPoolExecutor

        from kslib.extract.document import warm_up

        warm_up()  # word lists and models loaded once here, shared by the forked workers
        self.spool = _spool_dir()
        self.pool = ProcessPoolExecutor(max_workers=self._workers(), initializer=worker_init)
        self._start_bar()

    def _submit(self) -> None:
        for i in range(0, len(self.waiting), CHUNK_DOCS):
            items = self.waiting[i : i + CHUNK_DOCS]
            job = self.pool.submit(_parse_to_spool, items, self.spool) if self.spool else \
                self.pool.submit(parse_many, items)
            self.pending.append((len(items), job))
            if len(self.pending) >= 3 * self._workers():
                self._take_oldest()
        self.waiting = []

    def _take_oldest(self) -> None:
        n, future = self.pending.popleft()
        self._take(n, _read_spooled(future.result()))

    def _take(self, n: int, result: dict) -> None:
        self.buffer.append(result)
        self.bar.update(n)
        if sum(b["docs"].num_rows for b in self.buffer) >= PART_DOCS:
            self._flush()

    def _flush(self) -> None:
        import pyarrow as pa

        if self.buffer:
            tables = {name: pa.concat_tables([b[name] for b in self.buffer]) for name in DOC_TABLES}
            name = self.store.new_part_name()
            if self.store.enabled and self.on_part is not None:
                self.on_part(name, tables)  # in a thread, while this one stores the part
            self.store.store(tables, name)
            if self.kept is not None:
                self.kept.append(tables)
            self.buffer.clear()


def _spool_root() -> Path:
    """Where spool folders go: memory (`/dev/shm`) where there is one, else the temporary folder."""
    shm = Path("/dev/shm")
    return shm if shm.is_dir() and os.access(shm, os.W_OK) else Path(tempfile.gettempdir())


def _spool_dir() -> str | None:
    """A new folder for the workers' tables, in memory where the system has one (`/dev/shm`);
    None where a file still mapped cannot be deleted (Windows): there tables are pickled."""
    if os.name != "posix":
        return None
    from kslib._engine.signals import SPOOL_MARK

    spool = tempfile.mkdtemp(prefix=f"kslib-{os.getpid()}-", dir=_spool_root())
    Path(spool, SPOOL_MARK).touch()
    return spool


def _parse_to_spool(items: list[tuple[str, bytes]], spool: str):
    """`parse_many` in a worker, its tables written as Arrow IPC streams to one new file in
    `spool`: (the file, each table's place in it). The parent maps the file instead of
    receiving the tables pickled through a pipe (250 MB for 10,000 articles: a tenth of a
    cold run's time). When the file cannot be written (a full `/dev/shm`), the tables
    themselves, pickled as before."""
    import pyarrow as pa

    tables = parse_many(items)
    path = None
    try:
        fd, path = tempfile.mkstemp(dir=spool, suffix=".arrow")
        os.close(fd)
        spans = []
        with pa.OSFile(path, "wb") as sink:
            for name, table in tables.items():
                start = sink.tell()
                with pa.ipc.new_stream(sink, table.schema) as writer:
                    writer.write_table(table)
                spans.append((name, start, sink.tell() - start))
        return path, spans
    except OSError:
        if path is not None:
            with contextlib.suppress(OSError):
                os.unlink(path)
        return tables


def _read_spooled(result) -> dict:
    """The tables of a `_parse_to_spool` result: mapped from its file, not copied (the file
    is deleted at once; the mapping stays until the tables are freed)."""
    import pyarrow as pa

    if isinstance(result, dict):
        return result
    path, spans = result
    with pa.memory_map(path) as source:
        buffer = source.read_buffer()
    os.unlink(path)
    return {name: pa.ipc.open_stream(buffer.slice(start, length)).read_all() for name, start, length in spans}


def parse_documents(todo: list[tuple[str, bytes]], store: ParseCache, jobs: int, progress: bool,
                    engine: str = "local", scheduler: str | None = None) -> dict:
    """Parse documents and store them in the cache: on this machine through the one pool (`_Parser`:
    chunks over `jobs` worker processes when there are many), or on a Dask cluster. Returns their
    tables (Arrow, one per name, in the order of `todo`)."""
    if engine == "dask":
        from kslib._engine.dask import parse_on_dask

        chunk = config.CHUNK_DOCS
        chunks = [todo[i : i + chunk] for i in range(0, len(todo), chunk)]
        bar = config.progress_bar(len(todo), "Parsing", progress)
        results = parse_on_dask(chunks, scheduler, n_workers=max(2, jobs), progress=bar.update)
        bar.close()
        fresh = _concat({name: [r[name] for r in results] for name in DOC_TABLES})
        store.store(fresh)
        return fresh
    parser = _Parser(store, jobs, progress, keep=True)
    failed = True
    try:
        for doc, raw in todo:
            parser.offer(doc, raw)
        parser.finish()
        failed = False
    finally:
        parser.close(failed)
    return _concat({name: [part[name] for part in parser.kept] for name in DOC_TABLES})


def worker_init() -> None:
    """Start of a worker process: what it inherited from its parent (modules, word lists,
    caches: hundreds of thousands of objects) goes to the collector's permanent generation,
    so its full collections no longer walk them (1 % of a worker's time). The worker ends
    when its parent does, even when the parent is killed (`signals.die_with_parent`)."""
    die_with_parent()
    gc.freeze()
