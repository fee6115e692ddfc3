"""Finding article files below a folder and reading their bytes: the only code that opens them."""

from __future__ import annotations

import hashlib
import os
import time
from pathlib import Path
from typing import Protocol

from kslib.read.formats import SUFFIXES


def display_name(rel: str) -> str:
    """A path as it can be shown and stored: bytes of a name that are not UTF-8 (kept by
    Python as surrogates) written as `\\xNN`."""
    try:
        rel.encode("utf-8")
        return rel
    except UnicodeEncodeError:
        return rel.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def is_cache_folder(path: str) -> bool:
    """True for a folder kslib passes over: a cache (`CACHEDIR.TAG`, as kslib's own cache
    is) or a folder of tables kslib wrote (`.kslib-output.json`)."""
    return os.path.isfile(os.path.join(path, "CACHEDIR.TAG")) or os.path.isfile(os.path.join(path, OUTPUT_MARK))


#: The mark of a folder of tables written by kslib (the writer's marker file).
OUTPUT_MARK = ".kslib-output.json"
#: Files that are read as articles; every other file gets a `rejected` row with its type.
ARTICLE_SUFFIXES = SUFFIXES
#: Files at the folder's top that are read as metadata, not as articles (see read/metadata.py).
#: A folder's metadata file, by name in lower case (`MANIFEST.tsv`: a web export's list of its pages
#: with their addresses, as KS's article exports come)
METADATA_NAMES = ("metadata.csv", "metadata.tsv", "metadata.json", "metadata.parquet", "manifest.tsv")


def _not_an_article(name: str) -> str:
    """The reason a file of another type is not read, in one phrase."""
    suffix = os.path.splitext(name)[1].lower()
    kind = f"file type {suffix}" if suffix else "a file without a type ending"
    return f"{kind} is not read (articles are {', '.join(ARTICLE_SUFFIXES[:-1])} or {ARTICLE_SUFFIXES[-1]} files)"


def walk_folder(root: Path) -> tuple[list[str], list[tuple[str, str]]]:
    """(paths of the `*.txt` files below `root`, relative with `/` and sorted; (path, reason)
    for every path that is not searched or not read).

    Symbolic links to folders are followed once (a link back to a folder already searched
    is a loop and gets a row); hidden files and folders (names starting with `.`), folders
    that cannot be read and paths too long to open each get a row; cache folders
    (`CACHEDIR.TAG`) are passed over. Names that are not UTF-8 are kept as Python reads them
    (see `display_name`)."""
    files: list[str] = []
    problems: list[tuple[str, str]] = []
    searched: set[tuple[int, int]] = set()
    stack = [(os.fspath(root), "")]
    links: list[tuple[str, str]] = []  # linked folders: searched after every real one
    while stack or links:
        folder, rel = stack.pop() if stack else links.pop(0)
        try:
            st = os.stat(folder)
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError as exc:
            problems.append((display_name(rel or "."), f"folder cannot be read ({exc.strerror or exc})"))
            continue
        if (st.st_dev, st.st_ino) in searched:
            problems.append((display_name(rel), "link to a folder already searched, not searched again"))
            continue
        searched.add((st.st_dev, st.st_ino))
        below = []
        for entry in entries:
            name = entry.name
            path = f"{rel}/{name}" if rel else name
            try:
                is_dir = entry.is_dir()  # follows a link
            except OSError as exc:
                problems.append((display_name(path), f"cannot be read ({exc.strerror or exc})"))
                continue
            if name.startswith("."):
                if is_dir and not is_cache_folder(entry.path):
                    problems.append((display_name(path), "hidden folder (name starts with '.'), not searched"))
                elif not is_dir and name.lower().endswith(ARTICLE_SUFFIXES):
                    problems.append((display_name(path), "hidden file (name starts with '.'), not read"))
                continue
            if is_dir:
                if not is_cache_folder(entry.path):
                    (links if entry.is_symlink() else below).append((entry.path, path))
            elif name.lower().endswith(ARTICLE_SUFFIXES):
                files.append(path)  # not a regular file (a FIFO, a device, a broken link): `rejected` says
            elif not (rel == "" and name.lower() in METADATA_NAMES):
                problems.append((display_name(path), _not_an_article(name)))  # every file accounted for
        stack.extend(reversed(below))
    return sorted(files), sorted(problems)


def article_paths(root: Path) -> list[str]:
    """Paths (relative to `root`, with `/`) of all `*.txt` files below it, recursively and
    sorted (see `walk_folder`)."""
    return walk_folder(root)[0]


def find_files(root: Path) -> list[Path]:
    """All `*.txt` files below `root` as paths (see `article_paths`)."""
    return [Path(root) / rel for rel in article_paths(root)]


def content_hash(raw: bytes) -> str:
    """Stable hash of a file's bytes: keys the cache."""
    return hashlib.blake2b(raw, digest_size=10).hexdigest()


def text_id(text: str) -> str:
    """Stable article id from normalised text, so renaming a file keeps its id."""
    return hashlib.blake2b(text.encode("utf-8"), digest_size=6).hexdigest()


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


class FileIndex(Protocol):
    """What `_read_files` needs of a cache (`kslib._engine.cache.ParseCache` is one): what the last
    run saw of the files below a folder, and the documents it holds."""

    def file_index(self, root: Path) -> dict[str, tuple]: ...

    def all_docs(self) -> set[str]: ...

    def save_file_index(self, root: Path, index: dict[str, tuple]) -> None: ...


def _read_files(root: Path, files: list[str], max_bytes: int, store: FileIndex | None = None, on_read=None):
    """(file, doc, raw) for readable files and (file, reason) for the rest; `files` are paths
    relative to `root` (as `walk_folder` gives them; `file` is their `display_name`).

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
