"""The engine (private): where the per-article pipeline runs and where its tables go.

One pool (`pool`: local worker processes with an in-memory spool, or Dask in `dask`),
the parse cache (`cache`), one assembly of documents into articles with one re-keying
(`assemble`), the streaming extract (`stream`) and the one writer of output folders
(`writer`). Users reach it through `kslib.load_corpus` and `kslib extract`.
"""
