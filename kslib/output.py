"""Frames to disk: the tables `kslib extract` writes."""

from __future__ import annotations

from pathlib import Path


def write_tables(tables: dict, out: Path, *, csv: bool = False) -> list[Path]:
    """Write each frame as `out/<name>.parquet` (and `<name>.csv` with `csv=True`).

    Files are written to a temporary name first and renamed, so a reader never
    sees half a table. Returns the paths written.
    """
    import os

    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name, df in tables.items():
        path = out / f"{name}.parquet"
        if path.is_dir():  # left by an earlier `--engine dask` run
            import shutil

            shutil.rmtree(path)
        tmp = path.with_suffix(".parquet.tmp")
        df.to_parquet(tmp, index=False)
        os.replace(tmp, path)
        written.append(path)
        if csv:
            cpath = out / f"{name}.csv"
            df.to_csv(cpath, index=False, encoding="utf-8")
            written.append(cpath)
    return written


def read_tables(folder: Path) -> dict:
    """Read back every `<name>.parquet` (file or partitioned folder) in `folder`."""
    import pandas as pd

    return {p.name.removesuffix(".parquet"): pd.read_parquet(p) for p in sorted(Path(folder).glob("*.parquet"))}
