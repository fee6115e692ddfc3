"""kslib: load KS news articles into tidy frames and analyse them.

    >>> import kslib
    >>> corpus = kslib.load_corpus("data/seeds")
    >>> corpus.paragraphs.head()

Heavy libraries (pandas, matplotlib, lingua) are imported only when used, so
`python -m kslib --help` and incremental reruns start fast.
"""

from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["load_corpus", "Corpus", "CorpusError", "__version__"]


def __getattr__(name):
    if name in ("load_corpus", "Corpus", "CorpusError"):
        from . import corpus

        return getattr(corpus, name)
    raise AttributeError(f"module 'kslib' has no attribute {name!r}")
