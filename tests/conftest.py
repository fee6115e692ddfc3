"""Shared fixtures: small Norwegian articles written by the tests themselves."""

from __future__ import annotations

from pathlib import Path

import pytest

from kslib import config


@pytest.fixture(autouse=True)
def _isolated_cache(tmp_path_factory, monkeypatch):
    """Every test gets its own cache folder, so no test sees another's results, and
    figures go where the test says (the notebooks' redirect is for nbval only)."""
    monkeypatch.setenv("KSLIB_CACHE", str(tmp_path_factory.mktemp("cache")))
    monkeypatch.delenv("KSLIB_FIGURES_REDIRECT", raising=False)


@pytest.fixture
def seeds_dir() -> Path:
    return config.SEEDS_DIR


@pytest.fixture(scope="session")
def seeds():
    """The default corpus, parsed once for the session (no cache)."""
    import kslib

    return kslib.load_corpus(config.SEEDS_DIR, cache=False)


def write(folder: Path, name: str, content: str | bytes) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, str):
        path.write_text(content, encoding="utf-8")
    else:
        path.write_bytes(content)
    return path


ARTICLE = (
    "Ny avtale om kommuneøkonomi\n\n"
    "Kommunene i Innlandet får mer å rutte med neste år.\n\n"
    "- Dette er gode nyheter for innbyggerne, sier ordfører Kari Nordmann i Hamar.\n\n"
    "Foto: KS\n"
)


def terms_of(texts: dict[str, str]):
    """A terms frame for small articles written by a test (article_id = the dict key)."""
    from kslib.extract.document import parse_many

    terms = parse_many([(aid, text.encode()) for aid, text in texts.items()])["terms"].to_pandas()
    return terms.rename(columns={"doc": "article_id"}).astype({"article_id": str})
