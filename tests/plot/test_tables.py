"""Long tables: interactive in JupyterLab, plain in the exported report."""

import pandas as pd

from kslib.plot import tables


def test_long_table_is_interactive_for_a_person(monkeypatch):
    monkeypatch.delenv("KSLIB_REPORT", raising=False)
    shown = []
    monkeypatch.setattr("itables.show", lambda df, **kw: shown.append(("itables", len(df), kw)))
    tables.show(pd.DataFrame({"a": range(100)}))
    assert shown and shown[0][0] == "itables" and shown[0][1] == 100


def test_report_and_short_tables_are_plain(monkeypatch):
    shown = []
    monkeypatch.setattr("IPython.display.display", lambda df: shown.append(len(df)))
    monkeypatch.setattr("itables.show", lambda df, **kw: shown.append("itables"))
    monkeypatch.delenv("KSLIB_REPORT", raising=False)
    tables.show(pd.DataFrame({"a": range(5)}))
    monkeypatch.setenv("KSLIB_REPORT", "1")
    tables.show(pd.DataFrame({"a": range(500)}))
    assert shown == [5, 200]
