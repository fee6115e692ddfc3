"""Documents to articles: the folder's listing, ids, near-duplicates and metadata, and the
per-document tables re-keyed by article (what `load_corpus` and `kslib extract` share).

Every `*.txt` file found ends up either as a row of `articles` or as a row of
`rejected` with a reason; nothing is dropped silently and one bad file never stops
the run.
"""

from __future__ import annotations

import os
import warnings
from pathlib import Path

from kslib import config
from kslib._engine.cache import ParseCache
from kslib.extract.document import DOC_TABLES
from kslib.extract.duplicates import _near_duplicates
from kslib.read.files import display_name, walk_folder
from kslib.schema import frame


class CorpusError(ValueError):
    """The folder cannot be loaded at all (missing, or no `.txt` file in it)."""


def _concat(pieces: dict[str, list]) -> dict[str, "object"]:
    """One Arrow table per name from lists of tables (empty with its schema when none)."""
    import pyarrow as pa

    from kslib.schema import arrow_schema

    out = {}
    for name in DOC_TABLES:
        tables = [t for t in pieces.get(name, []) if t is not None]
        out[name] = (pa.concat_tables(tables, promote_options="permissive") if tables
                     else arrow_schema(name).empty_table())
    return out


def to_articles(table, doc_index: dict[str, list[int]], article_ids: list[str], *, keep=None,
                in_article_order: bool = False, ids_as_dictionary: bool = False):
    """A per-document Arrow table re-keyed by article: `doc` replaced by `article_id`, local ids
    (`p01`, `q01`) made corpus-wide (`<article_id>:p01`). The one re-keying, for `load_corpus`
    and for the parts `kslib extract` writes.

    `doc_index` maps a document to the positions (in `article_ids`) of the articles that have it:
    rows of documents no article has drop out (rejected files), and a document two files share
    gets its rows once per article. `keep`, when given, holds the documents in `table` (fewer to
    look up). With `in_article_order`, rows come in article order, and within an article by
    paragraph, sentence and token (they are in that order already unless cached and fresh parts
    interleave). With `ids_as_dictionary`, `article_id` is dictionary-encoded, its dictionary
    the ids in sorted order (the terms: tens of millions of rows, a few ids)."""
    import numpy as np
    import pyarrow as pa
    import pyarrow.compute as pc

    from kslib.arrays import doc_positions

    docs = [d for d in keep if d in doc_index] if keep is not None else list(doc_index)
    if all(len(doc_index[d]) == 1 for d in docs):  # the usual case: vectorised
        idx = doc_positions(table.column("doc"), docs)
        if idx.null_count:  # rows of documents no article has (a cold run has none: no copy)
            table = table.filter(pc.is_valid(idx))
            idx = pc.drop_null(idx)
        ranks = pc.take(pa.array([doc_index[d][0] for d in docs], pa.int64()), idx)
    else:  # a document two files share: its rows once per article
        rows, rank_list = [], []
        for i, doc in enumerate(table.column("doc").to_pylist()):
            for k in doc_index.get(doc, ()):
                rows.append(i)
                rank_list.append(k)
        table = table.take(pa.array(rows, pa.int64()))
        ranks = pa.array(rank_list, pa.int64())
    table = table.drop_columns(["doc"]).add_column(0, "article_id", _id_column(article_ids, ranks, ids_as_dictionary))
    for col in ("person_id", "speaker_id", "quote_id"):
        if col in table.column_names:  # local ids (p01, q01) become corpus-wide ids
            joined = pc.binary_join_element_wise(table.column("article_id"), table.column(col), ":")
            table = table.set_column(table.column_names.index(col), col, joined)
    ordered = ranks.to_numpy(zero_copy_only=False)
    if in_article_order and len(ordered) and not np.all(np.diff(ordered) >= 0):
        order = [c for c in ("para_id", "sent_id", "token_id") if c in table.column_names]
        table = table.add_column(0, "_r", ranks).sort_by([("_r", "ascending")] + [(c, "ascending") for c in order])
        table = table.drop_columns(["_r"])
    return table


def _per_article(table, files, name: str):
    """An Arrow per-document table keyed by `article_id` (in file order) as a pandas frame (see
    `to_articles`)."""
    return arrow_to_pandas(per_article_arrow(table, files, name))


def _id_column(article_ids: list[str], ranks, dictionary: bool):
    """The `article_id` of each row (`ranks`: positions in `article_ids`), as strings or
    dictionary-encoded over the sorted ids."""
    import numpy as np
    import pyarrow as pa
    import pyarrow.compute as pc

    ids = pa.array(article_ids, pa.string())
    if not dictionary:
        return pc.take(ids, ranks)
    order = pc.sort_indices(ids).to_numpy()  # UTF-8 byte order: Python's order of str
    position = np.empty(len(ids), np.int32)
    position[order] = np.arange(len(ids), dtype=np.int32)
    codes = pc.take(pa.array(position), ranks)
    chunks = codes.chunks if isinstance(codes, pa.ChunkedArray) else [codes]
    dictionary = ids.take(pa.array(order))  # one dictionary, shared by every chunk
    return pa.chunked_array([pa.DictionaryArray.from_arrays(c, dictionary) for c in chunks],
                            pa.dictionary(pa.int32(), pa.string()))


#: Tables whose `article_id` is categorical (`schema.SCHEMAS`): dictionary-encoded in Arrow.
DICTIONARY_IDS = frozenset({"terms"})


def per_article_arrow(table, files, name: str = ""):
    """An Arrow per-document table keyed by `article_id`, in file order (see `to_articles`)."""
    doc_index: dict[str, list[int]] = {}
    for k, doc in enumerate(files["doc"]):
        doc_index.setdefault(doc, []).append(k)
    return to_articles(table, doc_index, files["article_id"].tolist(), in_article_order=True,
                       ids_as_dictionary=name in DICTIONARY_IDS)


def arrow_to_pandas(table, *, self_destruct: bool = False):
    """An Arrow table as pandas, its strings as pyarrow-backed strings (no copy of the text);
    with `self_destruct`, each Arrow column freed once converted (the table is unusable then)."""
    import pyarrow as pa

    return table.to_pandas(types_mapper={pa.string(): pd_string()}.get, self_destruct=self_destruct,
                           split_blocks=self_destruct)


def pd_string():
    import pandas as pd

    return pd.StringDtype("pyarrow")


def _assign_ids(files: "object") -> "object":
    """Article ids from text; exact duplicates get `-2`, `-3` ... in file order."""
    rank = files.groupby("text_id").cumcount()
    files["article_id"] = files["text_id"].where(rank == 0, files["text_id"] + "-" + (rank + 1).astype(str))
    first = files.drop_duplicates("text_id").set_index("text_id")["article_id"]
    files["duplicate_of"] = files["text_id"].map(first).where(rank > 0)
    return files


def rejected_paths(rejected, files) -> list:
    """Rejected paths that the folder walk found besides the article files (folders, links)."""
    listed = {display_name(f) for f in files}
    return [f for f, _ in rejected if f not in listed]


def corpus_root(path) -> Path:
    """The folder to load: `path`, or the default corpus `data/seeds/`."""
    return Path(path) if path is not None else config.SEEDS_DIR


def list_folder(path, progress: bool | None) -> tuple[Path, list[str], list[tuple[str, str]], bool]:
    """(root, its article files as relative paths, (path, reason) for what the walk could
    not search or read, whether to show progress bars).

    Raises `CorpusError` when the folder is missing or holds no article file."""
    root = corpus_root(path)
    if not root.is_dir():
        raise CorpusError(f"Data folder not found: {display_name(os.fspath(root))}")
    files, problems = walk_folder(root)
    if not files:
        raise CorpusError(f"No article files (.txt, .md, .html, .docx or .pdf) in {display_name(os.fspath(root))}"
                          + (f" ({problems[0][0]}: {problems[0][1]})" if problems else ""))
    if progress is None:
        progress = len(files) >= config.PROGRESS_MIN_FILES
    return root, files, problems, progress


def to_parse(ok, found: set[str], jobs: int | None) -> tuple[list[tuple[str, bytes]], int]:
    """(documents still to parse, once each, as (doc, bytes); processes to use).

    By default all cores (up to 4) when more than `config.POOL_MIN_DOCS` documents need parsing: below
    that, starting the processes costs more than it saves."""
    todo, seen = [], set(found)
    for file, doc, raw in ok:
        if doc not in seen:
            if raw is None:  # `_read_files` skips only files whose content the cache holds
                raise RuntimeError(f"kslib: {file} was not read but is not in the parse cache")
            todo.append((doc, raw))
            seen.add(doc)
    if jobs is None:
        jobs = config.default_jobs() if len(todo) > config.POOL_MIN_DOCS else 1
    return todo, jobs


def cache_for(root: Path, cache) -> ParseCache:
    """The parse cache: True for the default folder, a path for another, False for none."""
    if cache is True:
        return ParseCache(config.default_cache_dir(root))
    return ParseCache(Path(cache) if cache else None)


def build_articles(root: Path, ok, rejected, docs):
    """(listing with ids, articles, rejected frame, metadata issues) from the `docs` rows
    (an Arrow table, one row per document).

    `listing` has one row per article (file, doc, article_id, ...); rejected files
    are warned about; near-duplicates and metadata are applied."""
    listing, articles, rejected_frame = articles_from_docs(ok, rejected, docs)
    articles, metadata_issues = with_metadata(articles, root)
    return listing, articles, rejected_frame, metadata_issues


def articles_from_docs(ok, rejected, docs):
    """(listing with ids, articles before the metadata file is merged, rejected frame): see
    `build_articles`."""
    import numpy as np
    import pandas as pd
    import pyarrow as pa
    import pyarrow.compute as pc

    # each file's document row, in file order (a document two files share gives both a row);
    # aligned and filtered in Arrow, so the long `text` column is copied at most once
    files = pa.array([f for f, _, _ in ok], pa.string())
    where = pc.index_in(pa.array([d for _, d, _ in ok], pa.string()), value_set=docs.column("doc"))
    if len(where) != docs.num_rows or where.null_count or \
            not np.array_equal(where.to_numpy(zero_copy_only=False), np.arange(docs.num_rows)):
        docs = docs.take(where)  # taking rows in their own order copies every text for nothing
    rows = docs.add_column(0, "file", files)
    parsed = pc.is_null(rows.column("reason"))
    if pc.all(parsed).as_py() is False:
        bad = rows.filter(pc.invert(parsed)).select(["file", "reason"]).to_pydict()
        rows = rows.filter(parsed)
    else:
        bad = {"file": [], "reason": []}
    rejected_rows = rejected + list(zip(bad["file"], bad["reason"]))
    listing = _assign_ids(rows.to_pandas())
    articles = frame("articles", listing.drop(columns=["doc", "reason", "text_id", "para_keys"]))
    near = _near_duplicates(listing["article_id"].tolist(), listing["para_keys"].tolist())
    if near:
        articles["duplicate_of"] = articles["duplicate_of"].fillna(articles["article_id"].map(near).astype("string"))
    rejected_frame = frame("rejected", pd.DataFrame(rejected_rows, columns=["file", "reason"]))
    rejected_frame = rejected_frame.sort_values("file", ignore_index=True)
    warn_loaded(rejected_rows, articles)
    return listing, articles, rejected_frame


def with_metadata(articles, root: Path):
    """(articles with the folder's metadata file merged, metadata issues); read on every load,
    so an edited metadata file counts at once."""
    from kslib.read.metadata import merge_metadata

    articles, issues = merge_metadata(articles, root)
    return with_url_years(articles), issues


def with_url_years(articles):
    """Articles whose text and metadata give no year, with the year the page's own name in its
    address gives (`.../innovasjonsbarometeret-2024/`; `year_source` = `url`; see
    `extract.dates.year_from_url`)."""
    import pandas as pd

    from kslib.extract.dates import year_from_url
    from kslib.schema import CATEGORIES

    missing = articles["year"].isna() & articles["url"].notna()
    if not missing.any():
        return articles
    found = [year_from_url(u) for u in articles.loc[missing, "url"]]
    rows = articles.index[missing][[y is not None for y, _ in found]]
    if len(rows):
        articles = articles.copy()
        articles.loc[rows, "year"] = [y for y, _ in found if y is not None]
        source = articles["year_source"].astype("object")
        source.loc[rows] = "url"
        articles["year_source"] = pd.Categorical(source, categories=CATEGORIES[("articles", "year_source")])
        articles.loc[rows, "year_evidence"] = [e for y, e in found if y is not None]
    return articles


def warn_loaded(rejected_rows, articles) -> None:
    """Warn about every rejected file and every article that is not valid UTF-8 throughout
    (on every load, also one that comes from the cache's snapshot)."""
    for file, reason in rejected_rows:
        warnings.warn(f"kslib: rejected {file}: {reason}", stacklevel=6)
    for file, encoding in zip(articles["file"], articles["encoding"]):
        if isinstance(encoding, str) and "invalid byte" in encoding:
            warnings.warn(f"kslib: {file} is not valid UTF-8 throughout: {encoding.removeprefix('utf-8 (')[:-1]}",
                          stacklevel=6)
