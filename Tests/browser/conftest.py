"""Fixtures for the browser tests.

PEJLING_OUTPUT names the built output folder to test (default: `output`, relative
to the current directory). Every test that takes `built_page` runs once per
page found there (see browserlib.find_pages).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import browserlib

HERE = Path(__file__).resolve().parent
SAMPLES = HERE / "samples"


def output_dir() -> Path:
    return Path(os.environ.get("PEJLING_OUTPUT") or "output").resolve()


def pytest_generate_tests(metafunc):
    if "built_page" in metafunc.fixturenames:
        pages = browserlib.find_pages(output_dir()) if output_dir().is_dir() else []
        metafunc.parametrize("built_page", pages, ids=[p.name for p in pages])


@pytest.fixture(scope="session")
def browser():
    driver = browserlib.start_browser()
    yield driver
    driver.quit()


@pytest.fixture(scope="session")
def scratch(tmp_path_factory) -> Path:
    """A folder for host pages around fragments (never the output folder)."""
    return tmp_path_factory.mktemp("pejling-browser")
