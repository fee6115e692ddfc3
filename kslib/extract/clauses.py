"""Where the clause before a name begins: after the last stop (`.`, `:`, a bracket, a quote mark,
a dash between spaces) and the last comma. Both readings of it, `roles.clause_before` and its
fast twin, use these."""

from __future__ import annotations

import re

from kslib.config import resource_lines

#: Abbreviated modifiers of a title (`adm. direktør`, `fung. rådmann`): their point ends no clause.
#: They are the entries of `resources/role_modifiers.txt` that end in a point.
_ABBREVIATIONS = [w[:-1] for w in resource_lines("role_modifiers.txt") if w.endswith(".")]
#: What ends the clause a role is read from.
ROLE_STOP = re.compile("".join(rf"(?<!\b(?i:{re.escape(a)}))" for a in _ABBREVIATIONS)
                       + r"[.]|[;:!?()«»\"]|\s[-–]\s")
#: A comma and the spaces after it.
COMMA = re.compile(r",\s*")
