"""Where the per-file extraction runs: this machine (default) or a Dask cluster.

`parse_on_dask` sends chunks of files to a Dask cluster (a `LocalCluster` when
no scheduler address is given) and runs the very same `parse_many` there; the
results come back as Arrow tables and are assembled exactly as on one machine.
`kslib extract --engine dask` then writes every table as partitioned parquet
(`OUT/<name>.parquet/part-*.parquet`), which pandas and the notebooks read like
a single file. Dask is an optional extra (`pip install kslib[dask]`).
"""

from __future__ import annotations

from contextlib import contextmanager


@contextmanager
def dask_client(scheduler: str | None = None, n_workers: int = 2):
    """A Dask client on `scheduler`, or on a new LocalCluster with `n_workers` processes."""
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError as exc:  # pragma: no cover - depends on the install
        raise RuntimeError("The dask engine needs the dask extra: pip install 'kslib[dask]'") from exc
    if scheduler:
        client = Client(scheduler)
        try:
            yield client
        finally:
            client.close()
        return
    cluster = LocalCluster(n_workers=n_workers, threads_per_worker=1, processes=True, dashboard_address=None)
    client = Client(cluster)
    try:
        yield client
    finally:
        client.close()
        cluster.close()


def parse_on_dask(chunks: list[list[tuple[str, bytes]]], scheduler: str | None = None, n_workers: int = 2,
                  progress=None) -> list[dict]:
    """Run `parse_many` on every chunk on a Dask cluster; results in chunk order."""
    from dask.distributed import as_completed

    from kslib.extract.document import parse_many

    with dask_client(scheduler, n_workers) as client:
        futures = client.map(parse_many, chunks, pure=False)
        order = {f.key: i for i, f in enumerate(futures)}
        results: list = [None] * len(futures)
        for future in as_completed(futures):
            results[order[future.key]] = future.result()
            if progress is not None:
                progress(len(chunks[order[future.key]]))
        return results


def write_partitioned(tables: dict, out, rows_per_part: int = 1_000_000) -> None:
    """Write each frame as `out/<name>.parquet/part-NNNNN.parquet` (a parquet dataset)."""
    import shutil
    from pathlib import Path

    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    for name, df in tables.items():
        folder = out / f"{name}.parquet"
        if folder.is_file():
            folder.unlink()
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir()
        n_parts = max(1, -(-len(df) // rows_per_part))
        for i in range(n_parts):
            df.iloc[i * rows_per_part : (i + 1) * rows_per_part].to_parquet(folder / f"part-{i:05d}.parquet",
                                                                             index=False)
