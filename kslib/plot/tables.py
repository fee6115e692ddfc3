"""Long tables: interactive (itables) in JupyterLab, plain in exported reports."""

from __future__ import annotations

import os


def show(frame, *, max_rows: int = 30):
    """Display a frame: interactive when a person runs the notebook, plain in `kslib report`."""
    from IPython.display import display

    if os.environ.get("KSLIB_REPORT") or len(frame) <= max_rows:
        display(frame.head(200) if os.environ.get("KSLIB_REPORT") else frame)
        return
    from itables import show as itables_show

    itables_show(frame, connected=False, maxBytes=0)
