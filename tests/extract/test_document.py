"""The per-chunk step: Arrow tables keyed by a dictionary-encoded `doc` column."""

import pyarrow as pa
import pytest

from kslib.arrays import doc_positions
from kslib.extract.document import DOC_TABLES, parse_many
from kslib.schema import arrow_schema

from ..conftest import ARTICLE


@pytest.mark.parametrize("encoded", [True, False])
def test_doc_positions_look_up_each_chunk_by_its_dictionary(encoded):
    chunks = [pa.array(["b", "a", "b"]), pa.array(["c", "a"])]
    column = pa.chunked_array([c.dictionary_encode() for c in chunks] if encoded else chunks)
    assert doc_positions(column, ["a", "b"]).to_pylist() == [1, 0, 1, None, 0]
    if encoded:  # one dictionary shared by every chunk: looked up once
        shared = pa.table({"d": column}).unify_dictionaries().column("d")
        assert shared.chunks[0].dictionary.equals(shared.chunks[1].dictionary)
        assert doc_positions(shared, ["a", "b"]).to_pylist() == [1, 0, 1, None, 0]


def test_a_chunk_gives_every_table_with_its_schema_and_rows_per_document():
    bad = b"\x00\x01\x02" * 50
    tables = parse_many([("d1", ARTICLE.encode()), ("bad", bad), ("d2", ARTICLE.replace("Hamar", "Gjøvik").encode())])
    assert set(tables) == set(DOC_TABLES)
    for name, table in tables.items():
        assert table.schema == arrow_schema(name), name
    docs = tables["docs"].to_pydict()
    assert docs["doc"] == ["d1", "bad", "d2"] and docs["reason"][1] and not docs["reason"][0]
    for name in ("paragraphs", "terms", "people", "places"):
        per_doc = tables[name].column("doc").to_pylist()
        assert per_doc and set(per_doc) == {"d1", "d2"}, name  # a rejected file has no rows
        assert per_doc == sorted(per_doc), name  # a document's rows stay together, in order


def test_the_warm_up_article_reaches_every_extractor():
    """`warm_up` loads what the workers would each load: only if its article uses it all."""
    from kslib.extract import document as extract
    from kslib.structure import language

    language._detector.cache_clear()
    extract.warm_up()
    assert language._detector.cache_info().currsize == 1  # lingua's models, loaded for the workers
    tables = parse_many([("w", extract._WARM_UP_ARTICLE.encode())])
    assert tables["quotes"].num_rows >= 2
    assert "Kari Nordmann" in tables["people"].column("name").to_pylist()
    assert "Bodø" in tables["places"].column("name").to_pylist()
    assert tables["docs"].column("year").to_pylist() == [2024]
    assert tables["themes"].num_rows > 0
