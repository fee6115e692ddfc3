"""The shape of a person's name in running text: what follows a name and is not part of it (a
party tag, a municipality)."""

from __future__ import annotations

from kslib.config import resource_lines
from kslib.resources import gazetteer

#: Party tags after a politician's name (`resources/parties.txt`).
PARTIES = frozenset(resource_lines("parties.txt"))


def is_place(token: str) -> bool:
    """A municipality or county that is not also a common word or surname (`ambiguous_places.txt`)."""
    return token not in gazetteer.ambiguous() and any(
        p.kind in ("kommune", "fylke") for p in gazetteer.entries().get(token, ()))
