"""Sorting-based numpy helpers for the corpus-wide steps (near-duplicates, speakers).

`np.unique` on an integer array without `return_counts` or `return_inverse` uses a
hash table in numpy 2.4: 1.5 million values of a wide range take a second there,
against 10 ms for a sort. These give the same results by sorting.
"""

from __future__ import annotations

import numpy as np


def doc_positions(column, docs: list[str]):
    """For each row of a `doc` column, the position of its document in `docs` (null when
    absent), looked up once per dictionary value."""
    import pyarrow as pa
    import pyarrow.compute as pc

    lookup = pa.array(docs, pa.string())
    chunks = column.chunks
    if chunks and pa.types.is_dictionary(column.type) and all(
            c.dictionary.equals(chunks[0].dictionary) for c in chunks[1:]):
        # one dictionary for every chunk (`unify_dictionaries`): one lookup, one take
        positions = pc.index_in(chunks[0].dictionary, value_set=lookup)
        return pc.take(positions, pa.chunked_array([c.indices for c in chunks], column.type.index_type))
    # every chunk's dictionary looked up in one call: `index_in` hashes `docs` each time it is
    # called, and a call per chunk (one per 64 articles) made loading quadratic: 242 s to
    # assemble 100,000 articles from the cache, 18 s with one call
    dicts = [c.dictionary if pa.types.is_dictionary(c.type) else c for c in chunks]
    if not dicts:
        return pa.chunked_array([], pa.int32())
    found = pc.index_in(pa.concat_arrays([d.cast(pa.string()) for d in dicts]), value_set=lookup)
    out, at = [], 0
    for chunk, d in zip(chunks, dicts):
        part = found.slice(at, len(d))
        at += len(d)
        out.append(pc.take(part, chunk.indices) if pa.types.is_dictionary(chunk.type) else part)
    return pa.chunked_array(out, pa.int32())


def _starts(sorted_values: np.ndarray) -> np.ndarray:
    """True where a run of equal values begins in a sorted array."""
    keep = np.ones(len(sorted_values), dtype=bool)
    keep[1:] = sorted_values[1:] != sorted_values[:-1]
    return keep


def distinct(values: np.ndarray) -> np.ndarray:
    """The distinct values, sorted: `np.unique(values)`."""
    ordered = np.sort(values)
    return ordered[_starts(ordered)]


def distinct_first(values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The distinct values, sorted, and where each first occurs: `np.unique(values, return_index=True)`."""
    order = np.argsort(values, kind="stable")
    ordered = values[order]
    keep = _starts(ordered)
    return ordered[keep], order[keep]


def distinct_pairs(first: np.ndarray, second: np.ndarray, n: int) -> tuple[np.ndarray, np.ndarray]:
    """The distinct (first, second) pairs, sorted by first, then second (`second` < `n`)."""
    codes = distinct(first * n + second)
    return codes // n, codes % n
