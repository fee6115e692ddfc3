"""Tables as people read them: small ones plain, long ones interactive (itables), offline.

A long table (more than `max_rows` rows) is shown with itables, which sorts, searches
and pages it in the browser, in JupyterLab and in the HTML report alike. Its library is
loaded once per kernel, into the page itself (`connected=False`): nothing is fetched from
the internet. At most `ROW_CAP` rows go into the page; a sentence says when more exist.
"""

from __future__ import annotations

from kslib.schema import DISPLAY_VALUES

#: The most rows one interactive table puts into the page (the report stays a size a person
#: can email; the full table is in the tables `kslib extract` writes).
ROW_CAP = 2_000
_READY: dict[str, bool] = {}
#: The table controls in Norwegian (DataTables' `language` option).
NORWEGIAN = {"search": "Søk:", "lengthMenu": "_MENU_ rader per side", "info": "Viser _START_–_END_ av _TOTAL_ rader",
             "infoEmpty": "Ingen rader", "infoFiltered": "(av _MAX_ i alt)", "zeroRecords": "Ingen treff",
             "emptyTable": "Ingen rader"}


def _init_once() -> None:
    """Load the itables library into this kernel's page once (itables' `init_notebook_mode`)."""
    if _READY.get("itables"):
        return
    import itables

    itables.init_notebook_mode(all_interactive=False, connected=False)
    _READY["itables"] = True


#: Column names as a Norwegian reader reads them.
COLUMNS = {"article_id": "artikkel-id", "file": "fil", "title": "tittel", "reason": "grunn", "name": "navn",
           "roles": "roller", "role_group": "rollegruppe", "gender": "kjønn", "n_articles": "artikler",
           "n_quotes": "sitater", "quoted": "sitert", "duplicate_of": "duplikat av", "n_mentions": "omtaler",
           "county_2024": "fylke (2024)", "county": "fylke", "collocation": "ordpar", "form": "skrevet som",
           "n": "antall", "n_w1": "antall ord 1", "n_w2": "antall ord 2", "pmi": "PMI", "llr": "G²",
           "left": "foran", "keyword": "ord", "right": "etter", "para_id": "avsnitt", "issue": "problem",
           "measure": "mål", "score": "verdi", "term": "ord", "docs": "artikler", "share": "andel",
           "region": "fylke", "year": "år", "language": "målform", "lon": "lengdegrad", "lat": "breddegrad",
           "ngram": "ordpar", "kind": "type", "mention": "nevnt som", "errors": "feil", "detail": "detaljer"}
_CODED = ("role_group", "gender", "region", "language", "region_2024")


def for_display(frame):
    """A copy of `frame` in Norwegian: column names, `Ja`/`Nei`, `ukjent` for a missing value,
    and the codes of role groups, genders, regions and languages as words."""
    import pandas as pd

    out = frame.copy()
    for col in out.columns:
        values = out[col]
        if pd.api.types.is_bool_dtype(values.dtype):
            out[col] = values.map({True: "Ja", False: "Nei"}).astype(object).where(values.notna(), "ukjent")
        elif col in _CODED:
            out[col] = values.astype(object).map(lambda v: DISPLAY_VALUES.get(v, v)).where(values.notna(), "ukjent")
        elif values.dtype == object or isinstance(values.dtype, (pd.StringDtype, pd.CategoricalDtype)):
            out[col] = values.astype(object).where(values.notna(), "ukjent")
    return out.rename(columns=lambda c: COLUMNS.get(c, c))


def _text_columns(frame) -> list[int]:
    """The positions of the columns that hold words, not numbers: they are left-aligned."""
    import pandas as pd

    return [k for k, c in enumerate(frame.columns) if not pd.api.types.is_numeric_dtype(frame[c])]


def _plain(frame):
    """A short table as HTML without a row number column, numbers in Norwegian format."""
    import pandas as pd

    import hashlib

    styled = frame.style.format(precision=2, thousands="\u00a0", decimal=",", na_rep="ukjent")
    # ids from the content, not random: a rerun writes the same notebook, the same report
    styled = styled.set_uuid(hashlib.blake2b(frame.to_csv().encode(), digest_size=4).hexdigest())
    # words read from the left, numbers line up on the right (Jupyter right-aligns every cell)
    text = [frame.columns[k] for k in _text_columns(frame)]
    if text:
        styled = styled.set_properties(subset=text, **{"text-align": "left"}).set_table_styles(
            {c: [{"selector": "th", "props": "text-align: left"}] for c in text}, overwrite=False)
    return _Plain(styled.hide(axis="index") if isinstance(frame.index, pd.RangeIndex) else styled)


class _Plain:
    """A styled table whose text form is the table's text, not a Styler's memory address (so
    a saved notebook reads the same after every run)."""

    def __init__(self, styled):
        self.styled, self.data = styled, styled.data

    def _repr_html_(self) -> str:
        return self.styled.to_html()

    def to_html(self) -> str:
        return self.styled.to_html()

    def __repr__(self) -> str:
        return self.data.to_string(index=not all(self.styled.hide_index_))


def show(frame, *, max_rows: int = 30, empty: str | None = None, norwegian: bool = True):
    """Display a frame in Norwegian (`for_display`): plain up to `max_rows` rows, interactive
    beyond; `empty`, when given, is the sentence shown instead of a table without rows."""
    from IPython.display import Markdown, display

    if empty is not None and len(frame) == 0:
        display(Markdown(empty))
        return
    if norwegian:
        frame = for_display(frame)
    if len(frame) <= max_rows:
        display(_plain(frame) if norwegian else frame)
        return
    _init_once()
    from itables import show as itables_show

    shown = frame.head(ROW_CAP)
    itables_show(shown, connected=False, maxBytes=0, lengthMenu=[10, 25, 100, 500], language=NORWEGIAN,
                 columnDefs=[{"className": "dt-left", "targets": _text_columns(shown)}])
    if len(frame) > len(shown):
        display(Markdown(f"Viser de første {len(shown):,} av {len(frame):,} radene.".replace(",", "\u00a0")))


def findings(sentences) -> None:
    """The notebook's findings as a bullet list (sentences from the `describe_*` helpers)."""
    from IPython.display import Markdown, display

    display(Markdown("\n".join(f"- {s}" for s in sentences if s)))


def say(sentence: str | None) -> None:
    """Show one sentence that reads a chart or a table, as text (not as code output)."""
    from IPython.display import Markdown, display

    if sentence:
        display(Markdown(sentence))
