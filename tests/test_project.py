"""The project's set-up files agree with each other."""

import json
import re
import tomllib

from kslib import config

ROOT = config.PROJECT_ROOT


def _name(requirement: str) -> str:
    return re.split(r"[<>=!\[; ]", requirement.strip(), maxsplit=1)[0].lower()


def test_environment_yml_lists_the_same_packages_as_pyproject():
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    wanted = {_name(r) for r in pyproject["dependencies"]}
    for extra in pyproject["optional-dependencies"].values():
        wanted |= {_name(r) for r in extra}
    env = (ROOT / "environment.yml").read_text()
    deps = env.split("dependencies:", 1)[1]
    listed = {_name(m) for m in re.findall(r"^\s+- ([A-Za-z][^\n#:]*)$", deps, re.M)}
    listed -= {"python", "pip"}
    assert listed == wanted
    assert re.search(r"- pip:\n\s+- -e \.\s*$", env), "environment.yml must end with pip: -e ."


def test_seeds_are_the_default_corpus():
    assert sorted(p.name for p in config.SEEDS_DIR.glob("*.txt")) == [
        "000_846aef8bf7e57455.txt", "001_d77193c529bc9bfa.txt", "002_57b080298cc1cf66.txt",
        "003_4e3c15807a932d7a.txt", "004_901b4273378e97ff.txt"]


def test_every_resource_file_says_where_it_comes_from():
    for path in config.RESOURCES.rglob("*"):
        if path.suffix in {".txt", ".csv", ".tsv", ".toml"}:
            assert path.read_text(encoding="utf-8").lstrip().startswith("#"), path.name


def _make_report_command(*args: str) -> str:
    import subprocess

    out = subprocess.run(["make", "-n", "-W", ".venv/bin/.installed", "report", *args], cwd=ROOT,
                         capture_output=True, text=True, check=True).stdout
    return next(line for line in out.splitlines() if "kslib report" in line)


def test_make_report_on_another_folder_never_writes_the_default_figures():
    assert _make_report_command().endswith("report data/seeds --out reports --figures figures")
    other = _make_report_command("DATA=/tmp/mine/artikler/")
    assert "--out reports/artikler --figures reports/artikler/figures" in other
    assert "--out x --figures x/figures" in _make_report_command("DATA=/tmp/a", "OUT=x")
    assert _make_report_command("PDF=1").endswith("--figures figures --pdf")


def _committed_notebooks():
    from kslib.report.notebooks import notebooks

    return [(path.name, json.loads(path.read_text(encoding="utf-8"))) for path in notebooks()]


def test_committed_notebooks_carry_no_stderr_warnings_or_machine_paths():
    machine = re.compile(r"(/home/|/root/|/work/|/tmp/|/Users/|[A-Z]:\\\\|site-packages)")
    for name, book in _committed_notebooks():
        for cell in book["cells"]:
            for output in cell.get("outputs", []):
                assert output.get("name") != "stderr", f"{name} has stderr output: {''.join(output['text'])[:200]}"
                assert output["output_type"] != "error", f"{name} has an error output"
                text = json.dumps(output.get("text", "")) + json.dumps(output.get("data", {}).get("text/plain", ""))
                assert not machine.search(text), f"{name} shows a path of the machine it ran on"
                assert "Warning" not in text, f"{name} shows a warning"


def test_committed_notebooks_name_the_kernel_jupyter_installs():
    """JupyterLab rewrites a kernelspec that differs from the installed kernel's and marks the
    notebook modified the moment it opens (tests/browser checks it in the browser)."""
    from jupyter_client.kernelspec import KernelSpecManager

    spec = KernelSpecManager().get_kernel_spec("python3")
    for name, book in _committed_notebooks():
        kernel = book["metadata"]["kernelspec"]
        assert (kernel["name"], kernel["display_name"], kernel["language"]) == \
            ("python3", spec.display_name, spec.language), name
