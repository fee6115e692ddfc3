"""Frames to disk: the one writer of kslib's output folders.

An output folder is never written in place. `Staging(out)` makes a folder beside
`out` (`.<name>.kslib-staging-<pid>-<id>`), every table is written there, and
`commit` swaps the new entries in and writes the marker `.kslib-output.json`
last, with `"complete": true`. Readers (`read_tables`) check that marker, so a run
that fails, is killed or fills the disk leaves the previous output whole (or, in
the instant of the swap itself, a folder that says it is incomplete), never a mix.

kslib removes only what it wrote: the marker lists the entries kslib owns; a folder
that holds something under one of kslib's names that the marker does not list (a
user's own `people.parquet`, a folder `articles.parquet/`) is refused with one
sentence, and any other file in the folder is left alone. Leftover staging folders
of dead runs are swept, recognised by their name and the mark inside them.

CSV files are for spreadsheets, which run a cell starting with `=`, `+`, `@`, a tab
or a carriage return (or `-` followed by more than a space) as a formula: such
cells get a leading `'` (OWASP's advice on CSV injection); a quote's opening dash
("- Vi må ...") stays as it is.
"""

from __future__ import annotations

import json
import os
import shutil
import time
import uuid
from contextlib import contextmanager
from pathlib import Path

from kslib._engine.signals import pid_alive
from kslib.read.files import OUTPUT_MARK

#: The marker kslib writes last in an output folder.
MARKER = OUTPUT_MARK
#: The marker of older kslib versions (streamed parts); its folders are kslib's too.
LEGACY_MARKER = ".kslib-parts.json"
_STAGING_MARK = ".kslib-staging"
#: Every table kslib writes (file names: `<name>.parquet`, `<name>.csv`).
TABLES = ("articles", "paragraphs", "sentences", "quotes", "people", "places", "terms", "themes",
          "rejected", "metadata_issues", "speakers")


class OutputError(OSError):
    """An output folder kslib may not or cannot write: its message is one sentence."""


def owned_names() -> set[str]:
    return {f"{t}.{ext}" for t in TABLES for ext in ("parquet", "csv")} | {MARKER, LEGACY_MARKER}


def read_marker(out: Path) -> dict:
    try:
        return json.loads((Path(out) / MARKER).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def _owned(out: Path) -> set[str]:
    """The entries of `out` that kslib wrote (its marker's list; all of kslib's names in a
    folder an older kslib marked)."""
    marker = read_marker(out)
    if marker:
        return set(marker.get("entries", [])) | {MARKER}
    if (out / LEGACY_MARKER).is_file():
        return owned_names()
    return set()


def check_out(out: Path) -> None:
    """Refuse an output folder kslib must not write (one sentence, `OutputError`)."""
    out = Path(out)
    if out.exists() and not out.is_dir():
        raise OutputError(f"the output folder {out} is a file; name a folder")
    if not out.is_dir():
        return
    owned = _owned(out)
    try:
        present = {entry.name for entry in os.scandir(out)}
    except OSError as exc:
        raise OutputError(f"the output folder {out} cannot be read ({exc.strerror or exc})") from None
    foreign = sorted((present & owned_names()) - owned)
    if foreign:
        raise OutputError(f"{out} already holds {foreign[0]}, which kslib did not write; "
                          "choose a new or empty output folder (kslib never overwrites files it did not write)")


def sweep(out: Path) -> None:
    """Remove staging folders beside `out` and trash folders in it left by runs that died."""
    out = Path(out)
    for folder, prefix in ((out.parent, f".{out.name}.kslib-staging-"), (out, ".kslib-trash-")):
        try:
            entries = list(os.scandir(folder))
        except OSError:
            continue
        for entry in entries:
            if not entry.name.startswith(prefix) or not entry.is_dir(follow_symlinks=False):
                continue
            if not os.path.isfile(os.path.join(entry.path, _STAGING_MARK)):
                continue
            pid = entry.name[len(prefix):].split("-", 1)[0]
            if pid.isdigit() and pid_alive(int(pid)) and int(pid) != os.getpid():
                continue
            shutil.rmtree(entry.path, ignore_errors=True)


class Staging:
    """A new version of the output folder `out`, built beside it and swapped in by `commit`."""

    def __init__(self, out: Path):
        self.out = Path(out)
        check_out(self.out)
        sweep(self.out)
        self.old = read_marker(self.out)
        self.owned = _owned(self.out)
        self.path = self.out.parent / f".{self.out.name}.kslib-staging-{os.getpid()}-{uuid.uuid4().hex[:8]}"
        try:
            self.out.parent.mkdir(parents=True, exist_ok=True)
            self.path.mkdir()
            (self.path / _STAGING_MARK).touch()
        except OSError as exc:
            raise OutputError(f"cannot write the output folder {self.out} "
                              f"({exc.strerror or exc}: {exc.filename or self.out.parent})") from None

    def __enter__(self) -> "Staging":
        return self

    def __exit__(self, kind, value, tb) -> None:
        if kind is not None:
            self.abort()

    def keep(self, rel: str) -> bool:
        """Carry the old output's `rel` (a file kslib wrote) into the new one, by a hard link
        (a copy where links are not possible); False when there is none."""
        source = self.out / rel
        if rel.split("/", 1)[0] not in self.owned or not source.is_file():
            return False
        target = self.path / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        try:
            os.link(source, target)
        except OSError:
            shutil.copy2(source, target)
        return True

    def abort(self) -> None:
        shutil.rmtree(self.path, ignore_errors=True)

    def commit(self, info: dict | None = None) -> Path:
        """Swap the staged entries into `out`; the marker, written last, lists them. Two runs
        that finish at once swap one after the other (a lock on the folder)."""
        self.out.mkdir(parents=True, exist_ok=True)
        with _folder_lock(self.out):
            return self._swap(info)

    def _swap(self, info: dict | None) -> Path:
        entries = sorted(e.name for e in os.scandir(self.path) if e.name != _STAGING_MARK)
        self.owned = _owned(self.out)
        check_out(self.out)  # nothing foreign appeared meanwhile
        old = _owned(self.out) - {MARKER}
        trash = self.out / f".kslib-trash-{os.getpid()}-{uuid.uuid4().hex[:8]}"
        marker = self.out / MARKER
        try:
            # first: the folder says it is incomplete, and which entries are kslib's
            _write_json(marker, {"complete": False, "entries": sorted(old | set(entries))})
            trash.mkdir()
            (trash / _STAGING_MARK).touch()
            for name in sorted(old | set(entries)):
                if (self.out / name).exists() or (self.out / name).is_symlink():
                    os.rename(self.out / name, trash / name)
            for name in entries:
                os.rename(self.path / name, self.out / name)
            _write_json(marker, {"complete": True, "entries": entries, "written": time.strftime("%Y-%m-%dT%H:%M:%S"),
                                 **(info or {})})
        except OSError as exc:
            raise OutputError(f"cannot write the output folder {self.out} ({exc.strerror or exc})") from None
        shutil.rmtree(trash, ignore_errors=True)
        self.abort()
        return self.out


@contextmanager
def _folder_lock(folder: Path):
    """An exclusive advisory lock on a folder (POSIX; elsewhere none)."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows
        yield
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)


@contextmanager
def atomic_path(target: Path):
    """A temporary name beside `target` to write to: renamed to `target` when the block ends,
    removed when it fails, so no reader ever sees half a file under its final name."""
    target = Path(target)
    tmp = target.with_name(f".tmp-{os.getpid()}-{uuid.uuid4().hex[:8]}-{target.name}")
    try:
        yield tmp
        os.replace(tmp, target)
    finally:
        if tmp.exists():
            tmp.unlink()


def _write_json(path: Path, value: dict) -> None:
    with atomic_path(path) as tmp, open(tmp, "w", encoding="utf-8") as fh:
        json.dump(value, fh, ensure_ascii=False, indent=1)
        fh.flush()
        os.fsync(fh.fileno())


# -- spreadsheet safety ---------------------------------------------------------------
_FORMULA_START = ("=", "+", "@", "\t", "\r")


def neutralise_cell(value):
    """A string a spreadsheet would run as a formula, with a leading `'`; anything else as it is.

    Formulas start with `=`, `+`, `@`, a tab or a carriage return, or with `-` followed by
    anything but white space ("-2+3", "-cmd|..."); "- Vi må ..." is a quote's dash."""
    if not isinstance(value, str) or not value:
        return value
    if value.startswith(_FORMULA_START) or (value[0] == "-" and len(value) > 1 and not value[1].isspace()):
        return "'" + value
    return value


def safe_for_csv(df):
    """A copy of `df` whose text cells cannot run as spreadsheet formulas (`neutralise_cell`);
    the column names too."""
    import pandas as pd

    out = df.copy()
    for col in out.columns:
        s = out[col]
        if pd.api.types.is_string_dtype(s.dtype) or s.dtype == object or isinstance(s.dtype, pd.CategoricalDtype):
            if isinstance(s.dtype, pd.CategoricalDtype):
                s = s.astype("object")
            text = s.astype("object")
            risky = text.map(lambda v: isinstance(v, str) and neutralise_cell(v) is not v)
            if risky.any():
                out[col] = text.where(~risky, text[risky].map(neutralise_cell))
    out.columns = [neutralise_cell(str(c)) for c in out.columns]
    if not isinstance(out.index, pd.RangeIndex):
        out.index = out.index.map(lambda v: neutralise_cell(v) if isinstance(v, str) else v)
    return out


def write_csv(df, target, **kwargs) -> None:
    """`df.to_csv` with spreadsheet-safe cells, written to a temporary name and renamed."""
    with atomic_path(target) as tmp:
        safe_for_csv(df).to_csv(tmp, encoding="utf-8", **kwargs)


def write_parquet(df, target) -> None:
    """A frame as one parquet file, written to a temporary name and renamed."""
    with atomic_path(target) as tmp:
        df.to_parquet(tmp, index=False)


def write_part(table, target: Path) -> None:
    """One part of a streamed table (an Arrow table) as parquet, written atomically. No column
    statistics: min and max of hash ids and token numbers help no query, and computing them is
    half the cost of writing."""
    import pyarrow.parquet as pq

    with atomic_path(target) as tmp:
        pq.write_table(table, tmp, write_statistics=False)


def write_tables(tables: dict, out: Path, *, csv: bool = False, partitioned: bool = False,
                 rows_per_part: int = 1_000_000) -> list[Path]:
    """Write each frame as `out/<name>.parquet` (a folder of parts with `partitioned=True`)
    and `<name>.csv` with `csv=True`, through a staging folder swapped in when complete.
    Returns the paths written."""
    out = Path(out)
    with Staging(out) as stage:
        for name, df in tables.items():
            if partitioned:
                folder = stage.path / f"{name}.parquet"
                folder.mkdir()
                for i in range(max(1, -(-len(df) // rows_per_part))):
                    write_parquet(df.iloc[i * rows_per_part: (i + 1) * rows_per_part],
                                  folder / f"part-{i:05d}.parquet")
            else:
                write_parquet(df, stage.path / f"{name}.parquet")
            if csv:
                write_csv(df, stage.path / f"{name}.csv", index=False)
        stage.commit()
    return [out / f"{name}.{ext}" for name in tables for ext in (("parquet", "csv") if csv else ("parquet",))]


def read_tables(folder: Path) -> dict:
    """Read back every `<name>.parquet` (file or partitioned folder) of a complete kslib output
    folder; `OutputError` when its marker is missing or says the last run did not finish."""
    import pandas as pd

    folder = Path(folder)
    marker = read_marker(folder)
    if not marker.get("complete"):
        why = "its last run did not finish" if marker else "it has no kslib marker"
        raise OutputError(f"{folder} is not a complete kslib output folder ({why}); run kslib extract again")
    return {name.removesuffix(".parquet"): pd.read_parquet(folder / name)
            for name in sorted(marker.get("entries", [])) if name.endswith(".parquet")}
