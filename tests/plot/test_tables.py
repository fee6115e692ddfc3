"""Tables: small ones plain, long ones interactive with the library loaded once per kernel."""

import pandas as pd

from kslib.plot import tables


def _record(monkeypatch):
    shown = []
    monkeypatch.setattr(tables, "_READY", {})
    monkeypatch.setattr("IPython.display.display", lambda obj, **kw: shown.append(("display", obj)))
    monkeypatch.setattr("itables.show", lambda df, **kw: shown.append(("itables", len(df), kw)))
    monkeypatch.setattr("itables.init_notebook_mode", lambda **kw: shown.append(("init", kw)))
    return shown


def test_a_long_table_is_interactive_offline_and_the_library_is_loaded_once(monkeypatch):
    shown = _record(monkeypatch)
    tables.show(pd.DataFrame({"a": range(100)}))
    tables.show(pd.DataFrame({"a": range(40)}))
    inits = [s for s in shown if s[0] == "init"]
    assert inits == [("init", {"all_interactive": False, "connected": False})]
    assert [s[1] for s in shown if s[0] == "itables"] == [100, 40]
    assert all(s[2]["connected"] is False for s in shown if s[0] == "itables")


def test_a_short_table_stays_plain(monkeypatch):
    shown = _record(monkeypatch)
    frame = pd.DataFrame({"a": range(5)})
    tables.show(frame)
    assert len(shown) == 1 and shown[0][0] == "display" and shown[0][1].data.equals(frame)
    html = shown[0][1].to_html()
    assert "<table" in html and ">4</td>" in html and ">0</th>" not in html  # no row numbers


def test_displayed_tables_are_in_norwegian():
    frame = pd.DataFrame({"name": ["Kari Nordmann", "Ola Nordmann", None],
                          "role_group": pd.Categorical(["elected", "administration", None]),
                          "gender": ["F", None, "M"], "quoted": pd.array([True, False, None], dtype="boolean"),
                          "region": ["national", "Viken", None], "n_quotes": [2, 0, 1]})
    shown = tables.for_display(frame)
    assert list(shown.columns) == ["navn", "rollegruppe", "kjønn", "sitert", "fylke", "sitater"]
    assert shown["rollegruppe"].tolist() == ["folkevalgt", "administrasjon", "ukjent"]
    assert shown["kjønn"].tolist() == ["kvinne", "ukjent", "mann"]
    assert shown["sitert"].tolist() == ["Ja", "Nei", "ukjent"]
    assert shown["fylke"].tolist() == ["nasjonalt", "Viken", "ukjent"] and shown["navn"].iloc[2] == "ukjent"
    assert shown["sitater"].tolist() == [2, 0, 1]


def test_a_huge_table_is_capped_and_says_so(monkeypatch):
    shown = _record(monkeypatch)
    tables.show(pd.DataFrame({"a": range(tables.ROW_CAP + 500)}))
    assert [s[1] for s in shown if s[0] == "itables"] == [tables.ROW_CAP]
    note = shown[-1][1].data
    assert "2\u00a0000 av 2\u00a0500" in note


def test_an_empty_table_becomes_its_sentence(monkeypatch):
    shown = _record(monkeypatch)
    tables.show(pd.DataFrame({"a": []}), empty="Ingen duplikater.")
    assert len(shown) == 1 and shown[0][1].data == "Ingen duplikater."


def test_words_are_left_aligned_and_numbers_right(monkeypatch):
    """Jupyter right-aligns every cell: a column of names or roles is read from the left."""
    import re

    shown = _record(monkeypatch)
    tables.show(pd.DataFrame({"name": ["Kari Nordmann", "Ola Hansen"], "n_quotes": [3, 12]}))
    html = shown[0][1].to_html()
    selectors = " ".join(block.split("{")[0] for block in html.split("}") if "text-align: left" in block)
    assert set(re.findall(r"_(row\d+_col\d+)", selectors)) == {"row0_col0", "row1_col0"}  # the names only
    assert set(re.findall(r"th\.(col\d+)", selectors)) == {"col0"}


def test_an_interactive_table_left_aligns_its_words(monkeypatch):
    shown = _record(monkeypatch)
    tables.show(pd.DataFrame({"name": [f"Person {i}" for i in range(40)], "n_quotes": range(40)}))
    kw = [s[2] for s in shown if s[0] == "itables"][0]
    assert kw["columnDefs"] == [{"className": "dt-left", "targets": [0]}]
