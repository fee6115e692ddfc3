"""The tree tells the pipeline: a module imports only from its own stage or earlier ones, and no
import cycle exists anywhere (imports inside functions count too)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "kslib"
#: Stages in pipeline order; a module may import its own stage and those before it.
LAYERS = [
    ("config", "schema", "arrays", "norwegian", "resources"),
    ("read",),
    ("structure",),
    ("extract",),
    ("_engine",),
    ("corpus",),
    ("count",),
    ("plot",),
    ("report",),
    ("cli", "__main__", "__init__"),
]


def module_name(path: Path) -> str:
    rel = path.relative_to(PACKAGE).with_suffix("")
    parts = rel.parts[:-1] if rel.name == "__init__" and len(rel.parts) > 1 else rel.parts
    return ".".join(parts)


def layer(module: str) -> int:
    top = module.split(".")[0]
    for i, names in enumerate(LAYERS):
        if top in names:
            return i
    raise AssertionError(f"kslib.{module} belongs to no stage: add it to LAYERS or move it")


def imports(path: Path) -> set[str]:
    """The kslib modules `path` imports (relative imports resolved), at any depth of the code."""
    here = module_name(path).split(".") if module_name(path) else []
    package = here if path.name == "__init__.py" else here[:-1]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - node.level + 1]
                target = ".".join([*base, *(node.module.split(".") if node.module else [])])
            elif node.module and (node.module == "kslib" or node.module.startswith("kslib.")):
                target = node.module.removeprefix("kslib").lstrip(".")
            else:
                continue
            if target:
                found.add(target)
            else:  # `from kslib import x`: x is a module of the package
                found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.Import):
            found.update(a.name.removeprefix("kslib.") for a in node.names if a.name.startswith("kslib."))
    return {m for m in found if (PACKAGE / (m.replace(".", "/") + ".py")).exists()
            or (PACKAGE / m.replace(".", "/") / "__init__.py").exists()}


MODULES = {module_name(p) or "__init__": p for p in sorted(PACKAGE.rglob("*.py"))}


@pytest.mark.parametrize("module", sorted(MODULES))
def test_a_module_imports_only_its_own_stage_or_earlier(module):
    own = layer(module)
    later = sorted(m for m in imports(MODULES[module]) if layer(m) > own)
    assert not later, f"kslib.{module} (stage {own}) imports later stages: {later}"


def test_no_import_cycle():
    graph = {m: {i for i in imports(p) if i in MODULES and i != m} for m, p in MODULES.items()}
    state: dict[str, int] = {}
    path: list[str] = []

    def visit(m: str) -> None:
        state[m] = 1
        path.append(m)
        for n in sorted(graph[m]):
            if state.get(n) == 1:
                raise AssertionError("import cycle: " + " -> ".join(path[path.index(n):] + [n]))
            if n not in state:
                visit(n)
        path.pop()
        state[m] = 2

    for m in sorted(graph):
        if m not in state:
            visit(m)


def test_every_stage_says_which_it_is():
    for stage, n in (("read", 1), ("structure", 2), ("extract", 3), ("count", 4), ("plot", 5), ("report", 6)):
        doc = ast.get_docstring(ast.parse((PACKAGE / stage / "__init__.py").read_text(encoding="utf-8")))
        assert doc and doc.startswith(f"Stage {n} of 6"), stage


def test_no_module_over_400_lines_and_no_class_over_150():
    long_modules = {m: n for m, p in MODULES.items() if (n := len(p.read_text(encoding="utf-8").splitlines())) > 400}
    big_classes = {}
    for m, p in MODULES.items():
        for node in ast.walk(ast.parse(p.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef) and node.end_lineno - node.lineno + 1 > 150:
                big_classes[f"{m}.{node.name}"] = node.end_lineno - node.lineno + 1
    assert not long_modules and not big_classes, (long_modules, big_classes)


def test_notebooks_use_only_the_public_api():
    import json
    import re

    import kslib

    for nb in sorted((PACKAGE.parent / "notebooks").glob("[0-9][0-9]-*.ipynb")):
        cells = json.loads(nb.read_text(encoding="utf-8"))["cells"]
        code = "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "code")
        imports_ = [ln.strip() for ln in code.splitlines() if re.match(r"\s*(import|from)\s", ln)]
        assert [ln for ln in imports_ if "kslib" in ln] == ["import kslib as ks"], nb.name
        used = set(re.findall(r"(?<![\w.])ks\.([A-Za-z_]+)", code))
        assert used <= set(kslib.__all__), (nb.name, used - set(kslib.__all__))
