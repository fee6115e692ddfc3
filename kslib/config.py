"""Paths and settings in one place (cookiecutter-data-science's `config`)."""

from __future__ import annotations

import hashlib
import os
from functools import lru_cache
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
PROJECT_ROOT = PACKAGE_DIR.parent
RESOURCES = PACKAGE_DIR / "resources"
DATA_DIR = PROJECT_ROOT / "data"
SEEDS_DIR = DATA_DIR / "seeds"
INTERIM_DIR = DATA_DIR / "interim"
FIGURES_DIR = PROJECT_ROOT / "figures"
NOTEBOOKS_DIR = PROJECT_ROOT / "notebooks"
#: Files larger than this are rejected instead of parsed (bytes).
DEFAULT_MAX_BYTES = 5 * 1024 * 1024
#: Above this many files the loader shows a progress bar and may use processes.
PROGRESS_MIN_FILES = 50
#: Documents per unit of work for a worker process.
CHUNK_DOCS = 64
#: Documents to parse above which worker processes are started (below, they cost more than they save).
POOL_MIN_DOCS = 200


def default_jobs() -> int:
    """Processes (or threads) to use by default: every core, at most 4."""
    return min(os.cpu_count() or 1, 4)


def resource(name: str) -> Path:
    """Path of a data file in `kslib/resources/`."""
    path = RESOURCES / name
    if not path.exists():
        raise FileNotFoundError(f"kslib resource missing: {path}")
    return path


def resource_lines(name: str) -> list[str]:
    """The lines of a resource file, stripped, without blank lines and `#` comments."""
    text = resource(name).read_text(encoding="utf-8")
    return [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.lstrip().startswith("#")]


def resource_alternation(name: str) -> str:
    """The lines of a resource file as one regex alternation, each as written (escaped), longest
    first, so that an entry never loses to a shorter one it starts with."""
    import re

    return "|".join(re.escape(w) for w in sorted(set(resource_lines(name)), key=len, reverse=True))


def resource_rows(name: str, delimiter: str = ",") -> list[dict]:
    """The rows of a CSV/TSV resource file (header after the `#` comment lines)."""
    header, rows = _resource_table(name, delimiter)
    return [dict(zip(header, row)) for row in rows]


def resource_mapping(name: str, key: str, value: str, delimiter: str = ",") -> dict[str, str]:
    """`key` column -> `value` column of a CSV/TSV resource file (a later row wins)."""
    header, rows = _resource_table(name, delimiter)
    i, j = header.index(key), header.index(value)
    return {row[i]: row[j] for row in rows}


def _resource_table(name: str, delimiter: str) -> tuple[list[str], list[list[str]]]:
    lines = resource_lines(name)
    if lines and '"' not in "".join(lines):  # no quoting: a split reads it 5x faster
        header = lines[0].split(delimiter)
        return header, [line.split(delimiter) for line in lines[1:]]
    import csv

    header, *rows = csv.reader(lines, delimiter=delimiter)
    return header, rows


#: Libraries whose behaviour shapes the parsed tables (word lists, lemmas, language models,
#: decoding, HTML, automata, name genders) or the cache's file format: their versions key the cache.
SHAPING_LIBRARIES = ("stop-words", "simplemma", "lingua-language-detector", "charset-normalizer",
                     "beautifulsoup4", "pyahocorasick", "marisa-trie", "gender-guesser", "pyarrow",
                     "trafilatura", "htmldate", "python-docx", "pypdf")  # the readers of read/formats.py


def library_versions() -> dict[str, str]:
    """The installed version of each library in `SHAPING_LIBRARIES` ("-" when missing)."""
    from importlib.metadata import PackageNotFoundError, version

    out = {}
    for name in SHAPING_LIBRARIES:
        try:
            out[name] = version(name)
        except PackageNotFoundError:
            out[name] = "-"
    return out


#: The stages after extraction: nothing they hold shapes a cached table (a stage imports only
#: earlier ones), so a change there keeps the parse cache.
LATER_STAGES = ("count", "plot", "report", "styles")
#: Files of the package's top that hold no rule: the public names (lazy imports), the entry
#: point and the command line.
NOT_RULES = ("__init__.py", "__main__.py", "cli.py")


@lru_cache(maxsize=1)
def rules_version() -> str:
    """Hash of the code and resources that make the cached tables (the package but its later
    stages, `LATER_STAGES`, and the files of `NOT_RULES`) and of the versions of the libraries that shape
    the tables (`SHAPING_LIBRARIES`).

    Any change to a rule (code or data file) or an upgrade of one of those libraries
    changes this value, which keys the cache, so the cache is never stale.
    """
    digest = hashlib.sha1()
    for name, ver in sorted(library_versions().items()):
        digest.update(f"{name}=={ver}\n".encode())
    for path in sorted(PACKAGE_DIR.rglob("*")):
        if path.is_file() and path.suffix in {".py", ".txt", ".csv", ".toml", ".json", ".tsv"}:
            rel = path.relative_to(PACKAGE_DIR)
            if "__pycache__" in path.parts or rel.parts[0] in LATER_STAGES or rel.as_posix() in NOT_RULES:
                continue
            digest.update(str(path.relative_to(PACKAGE_DIR)).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def default_cache_dir(data_dir: Path) -> Path:
    """Where the parse cache for `data_dir` lives.

    `KSLIB_CACHE` wins; the project's own `data/` uses `data/interim/`; any other
    folder gets a per-user cache directory (platformdirs) keyed by its path.
    """
    env = os.environ.get("KSLIB_CACHE")
    if env:
        return Path(env).expanduser()
    data_dir = Path(data_dir).resolve()
    try:
        data_dir.relative_to(DATA_DIR.resolve())
        return INTERIM_DIR / "cache"
    except ValueError:
        pass
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("kslib")) / "cache"


class _NoBar:
    """What a progress bar offers, doing nothing."""

    total = None

    def update(self, n: int = 1) -> None:
        pass

    def refresh(self) -> None:
        pass

    def close(self) -> None:
        pass


def progress_bar(total: int | None, desc: str, enabled: bool):
    """A tqdm bar, or when `enabled` is False one that does nothing (tqdm's import costs
    0.02 s, a few percent of a rerun after one new file)."""
    if not enabled:
        return _NoBar()
    import sys

    from tqdm.std import tqdm

    # in a notebook, tqdm.auto would warn (in a red box, with a path) without ipywidgets:
    # a text bar on stdout reads the same in JupyterLab, a terminal and a saved notebook
    in_kernel = "ipykernel" in sys.modules
    return tqdm(total=total, unit="file", desc=desc, file=sys.stdout if in_kernel else sys.stderr,
                mininterval=1.0 if in_kernel else 0.1)
