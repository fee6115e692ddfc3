"""The parse cache: Arrow parts keyed by document, read back whole or for some documents."""

from kslib._engine.cache import ParseCache
from kslib.extract.document import parse_many

from ..conftest import ARTICLE


def _chunk():
    return parse_many([("d1", ARTICLE.encode()), ("d2", ARTICLE.replace("Hamar", "Gjøvik").encode())])


def test_a_stored_part_reads_back_the_same_tables(tmp_path):
    tables = _chunk()
    store = ParseCache(tmp_path)
    store.store(tables)
    (part, docs), = store.part_docs({"d1", "d2"}).items()
    assert docs == {"d1", "d2"} and store.all_docs() == {"d1", "d2"}
    for name, table in tables.items():
        assert store.read(part, name, docs).equals(table), name


def test_reading_some_documents_keeps_only_their_rows(tmp_path):
    tables = _chunk()
    store = ParseCache(tmp_path)
    store.store(tables)
    (part, _), = store.part_docs({"d2"}).items()
    terms = store.read(part, "terms", {"d2"})
    expected = sum(doc == "d2" for doc in tables["terms"].column("doc").to_pylist())
    assert set(terms.column("doc").to_pylist()) == {"d2"} and terms.num_rows == expected
    pieces, found = store.load({"d2", "missing"})
    assert found == {"d2"} and set(pieces["places"][0].column("doc").to_pylist()) == {"d2"}


def test_the_file_index_is_kept_per_folder(tmp_path):
    store = ParseCache(tmp_path / "cache")
    store.save_file_index(tmp_path / "a", {"x.txt": (1, 2, 3, 4, "d1"), "y/z.txt": (5, 6, 7, 8, "d2")})
    assert store.file_index(tmp_path / "a") == {"x.txt": (1, 2, 3, 4, "d1"), "y/z.txt": (5, 6, 7, 8, "d2")}
    assert store.file_index(tmp_path / "b") == {}
    assert ParseCache(None).file_index(tmp_path / "a") == {}
