"""WCAG 2.1 A/AA checks of every built page in real headless Chromium.

- test_axe: axe-core with tags wcag2a, wcag2aa, wcag21a, wcag21aa; fails with each
  violation's id, impact, help and the offending nodes' targets.
- test_reflow_320px: at a 320 CSS px wide viewport the page does not scroll
  sideways (WCAG 1.4.10 Reflow), and whatever scrolls in its own box there (a
  wide table) can be reached by keyboard (axe's scrollable-region-focusable).

Fragments (`indlejring.html`) are tested inside a minimal host page.
"""

from __future__ import annotations

import pytest

import browserlib
from conftest import output_dir


def test_output_folder_has_pages():
    folder = output_dir()
    if not folder.is_dir():
        pytest.fail(f"no output folder at {folder}: build first, or set PEJLING_OUTPUT", pytrace=False)
    if not browserlib.find_pages(folder):
        pytest.fail(f"no .html files under {folder}", pytrace=False)


def test_axe(built_page, browser, scratch):
    violations = browserlib.run_axe(browser, browserlib.loadable_file(built_page, scratch))
    if violations:
        where = built_page.name + (" (fragment, in a host page)" if built_page.fragment else "")
        pytest.fail(f"{where}: {browserlib.format_violations(violations)}", pytrace=False)


def test_reflow_320px(built_page, browser, scratch):
    path = browserlib.loadable_file(built_page, scratch)
    problems = []
    measure = browserlib.measure_reflow(browser, path)
    if not browserlib.reflows(measure):
        problems.append(browserlib.format_reflow(measure))
    violations = browserlib.run_axe(
        browser, path, width=browserlib.REFLOW_WIDTH, rules=browserlib.NARROW_RULES
    )
    if violations:
        problems.append(
            browserlib.format_violations(violations, f"at {browserlib.REFLOW_WIDTH} px")
        )
    if problems:
        pytest.fail(f"{built_page.name}: " + "\n\n".join(problems), pytrace=False)
