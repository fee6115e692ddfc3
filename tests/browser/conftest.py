"""Browser tests: the report and JupyterLab in headless Chromium, driven by Playwright.

Chromium is Debian's package (`make chromium` installs it with apt-get); Playwright only
drives it (`executable_path`), it downloads nothing. Without Chromium the tests are
skipped and the run says so loudly at the end; with $KSLIB_REQUIRE_BROWSER=1 (as in CI)
a missing Chromium fails them instead. A failing test leaves its screenshots in the
folder its message names.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from kslib.report.html import CHROMIUM_FLAGS, find_chromium

from ..conftest import write

SKIPPED: list[str] = []
FIRST = ["Kari", "Ola", "Ingrid", "Per", "Sigrid", "Lars", "Hilde", "Jon"]
LAST = ["Bakken", "Lunde", "Strand", "Moen", "Haugen", "Dahl"]
PLACES = ["Hamar", "Bodø", "Molde", "Alta", "Voss", "Larvik"]


def pytest_terminal_summary(terminalreporter):
    if SKIPPED:
        terminalreporter.write_sep("!", "BROWSER TESTS SKIPPED", red=True, bold=True)
        terminalreporter.write_line(f"{SKIPPED[0]}: install it with `make chromium` (apt-get) and run again.",
                                    red=True)


@pytest.fixture(scope="session")
def chromium() -> str:
    found = find_chromium()
    if found is None:
        message = "Chromium is not installed, so the report and JupyterLab were not tested in a browser"
        if os.environ.get("KSLIB_REQUIRE_BROWSER") == "1":
            pytest.fail(message)
        SKIPPED.append(message)
        pytest.skip(message)
    return found


@pytest.fixture(scope="session")
def browser(chromium):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        launched = pw.chromium.launch(executable_path=chromium, headless=True,
                                      args=[f for f in CHROMIUM_FLAGS if not f.startswith("--headless")])
        yield launched
        launched.close()


@pytest.fixture
def shots(tmp_path_factory, request):
    """A folder for this test's screenshots, named in the failure message."""
    folder = tmp_path_factory.mktemp(f"screenshots-{request.node.name[:40]}")
    yield folder


def speaker_articles(n_people: int) -> dict[str, str]:
    """Articles that quote `n_people` different people (two each), one article per person,
    with a municipality each: a folder whose speaker table is longer than 30 rows."""
    people = [f"{first} {last}" for last in LAST for first in FIRST][:n_people]
    texts = {}
    for i, name in enumerate(people):
        place = PLACES[i % len(PLACES)]
        texts[f"artikkel-{i:02d}.txt"] = (
            f"Nytt samarbeid om barnehager i {place}\n\n"
            f"Kommunen i {place} har fått nye midler til barnehager og skoler i {2018 + i % 6}.\n\n"
            f"- Dette betyr mye for familiene her, sier ordfører {name} i {place} kommune.\n\n"
            f"- Vi skal bruke pengene klokt, sier {name.split()[0]} {name.split()[1]}.\n\n"
            f"Arbeidet starter til høsten, og KS følger opp med kurs for de ansatte.")
    return texts


@pytest.fixture(scope="session")
def speaker_folder(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("mange-kilder")
    for name, text in speaker_articles(36).items():
        write(folder, name, text)
    return folder


@pytest.fixture(scope="session")
def speaker_report(speaker_folder, tmp_path_factory, chromium) -> Path:
    """`kslib report --pdf` on the folder of 36 speakers, once for the session."""
    from kslib.report.notebooks import run_report

    out = tmp_path_factory.mktemp("rapport")
    cache = tmp_path_factory.mktemp("cache")
    mp = pytest.MonkeyPatch()
    mp.setenv("KSLIB_CACHE", str(cache))
    try:
        assert run_report(speaker_folder, out, pdf=True, progress=lambda s: None) == 0
    finally:
        mp.undo()
    return out
