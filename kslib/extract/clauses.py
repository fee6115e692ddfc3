"""Where the clause before a name begins: after the last stop (`.`, `:`, a bracket, a quote mark,
a dash between spaces) and the last comma. Both readings of it, `roles.clause_before` and its
fast twin, use these."""

from __future__ import annotations

import re

#: What ends the clause a role is read from.
ROLE_STOP = re.compile(r"[.;:!?()«»\"]|\s[-–]\s")
#: A comma and the spaces after it.
COMMA = re.compile(r",\s*")
