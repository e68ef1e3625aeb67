"""Proves the tooling can fail: on samples/bad it must find the planted problems,
on samples/good it must find none.

samples/good: a valid, accessible Danish page (lang="da", skip link, landmarks,
one h1, a table with caption and th scope, an SVG chart with role="img", title
and desc) and a CMS fragment.
samples/bad: an image without alt, no lang, low contrast, duplicate ids, a box
wider than a phone; and a fragment with an image without alt, duplicate ids and
a table that scrolls in its own box at 320 px but cannot be reached by keyboard.
"""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

import browserlib
from conftest import HERE, SAMPLES

GOOD = SAMPLES / "good"
BAD = SAMPLES / "bad"
GOOD_PAGES = browserlib.find_pages(GOOD)


def page(folder, name) -> browserlib.Page:
    return next(p for p in browserlib.find_pages(folder) if p.name == name)


def test_finds_pages_and_fragments():
    assert [(p.name, p.fragment) for p in GOOD_PAGES] == [
        ("eksempel/indlejring.html", True),
        ("index.html", False),
    ]
    host = browserlib.host_document(page(GOOD, "eksempel/indlejring.html"))
    assert '<html lang="da">' in host
    assert "<title>Indlejring: eksempel/indlejring.html</title>" in host
    assert "<link" not in host


def test_fragment_style_moves_into_the_host_head(tmp_path):
    """A fragment carries its CSS in <style>, which HTML allows only in <head>: the host
    page moves it there (as a CMS's CSS field would) and keeps the fragment's line numbers."""
    folder = tmp_path / "eksempel"
    folder.mkdir()
    (folder / "indlejring.html").write_text(
        "<!-- kommentar -->\n<style>\n.w { color: red }\n</style>\n<div class=\"w\">\n<p>Tekst</p>\n</div>\n",
        encoding="utf-8",
    )
    fragment = page(tmp_path, "eksempel/indlejring.html")
    host = browserlib.host_document(fragment)
    head, body = host.split("</head>")
    assert "<style>\n.w { color: red }\n</style>" in head
    assert "<style" not in body
    assert "<h1>" in body  # a CMS page has its own h1; fragments start at h2
    lines = host.split("\n")
    offset = browserlib.host_line_offset(fragment)
    assert lines[offset] == "<!-- kommentar -->"
    assert lines[offset + 4] == '<div class="w">'  # line 5 of the fragment


@pytest.mark.parametrize("good", GOOD_PAGES, ids=[p.name for p in GOOD_PAGES])
def test_good_sample_has_no_axe_violation(good, browser, scratch):
    violations = browserlib.run_axe(browser, browserlib.loadable_file(good, scratch))
    assert violations == [], browserlib.format_violations(violations)


def test_bad_sample_has_the_planted_axe_violations(browser, scratch):
    bad = page(BAD, "index.html")
    violations = browserlib.run_axe(browser, browserlib.loadable_file(bad, scratch))
    found = {v["id"] for v in violations}
    assert {"image-alt", "html-has-lang", "color-contrast"} <= found, found
    report = browserlib.format_violations(violations)
    assert "[critical] image-alt: Images must have alternative text" in report
    assert "    - .svag" in report  # the offending node's target


def test_bad_fragment_is_tested_in_its_host_page(browser, scratch):
    bad = page(BAD, "eksempel/indlejring.html")
    violations = browserlib.run_axe(browser, browserlib.loadable_file(bad, scratch))
    assert "image-alt" in {v["id"] for v in violations}


@pytest.mark.parametrize("good", GOOD_PAGES, ids=[p.name for p in GOOD_PAGES])
def test_good_sample_reflows_at_320px(good, browser, scratch):
    measure = browserlib.measure_reflow(browser, browserlib.loadable_file(good, scratch))
    assert browserlib.reflows(measure), browserlib.format_reflow(measure)


def test_bad_sample_scrolls_sideways_at_320px(browser, scratch):
    measure = browserlib.measure_reflow(browser, page(BAD, "index.html").path)
    assert not browserlib.reflows(measure)
    assert any(w.startswith("body > main > div.bred") for w in measure["wide"]), measure


def test_bad_fragment_has_a_scroller_out_of_keyboard_reach_at_320px(browser, scratch):
    bad = browserlib.loadable_file(page(BAD, "eksempel/indlejring.html"), scratch)
    assert browserlib.reflows(browserlib.measure_reflow(browser, bad))  # the table scrolls in its box
    narrow = browserlib.run_axe(
        browser, bad, width=browserlib.REFLOW_WIDTH, rules=browserlib.NARROW_RULES
    )
    assert [v["id"] for v in narrow] == ["scrollable-region-focusable"], narrow
    # At desktop size nothing scrolls, so the full axe run cannot see it.
    assert "scrollable-region-focusable" not in {v["id"] for v in browserlib.run_axe(browser, bad)}


def test_nu_checker_accepts_good_and_rejects_bad(scratch):
    pages = browserlib.find_pages(GOOD) + browserlib.find_pages(BAD)
    files = {p: browserlib.loadable_file(p, scratch).resolve() for p in pages}
    results = browserlib.validate(list(files.values()))
    for p in browserlib.find_pages(GOOD):
        messages = results[files[p]]
        assert browserlib.errors(messages) == [], browserlib.format_messages(messages, p.name)

    bad = page(BAD, "index.html")
    report = browserlib.format_messages(results[files[bad]], bad.name)
    assert "Duplicate ID “gentaget”" in report, report
    assert "index.html:14:3: error: An “img” element must have an “alt” attribute" in report, report

    fragment = page(BAD, "eksempel/indlejring.html")
    report = browserlib.format_messages(
        results[files[fragment]], "fragment", browserlib.host_line_offset(fragment)
    )
    # Line numbers are the fragment's own, not the host page's.
    assert "fragment:2:3: error: An “img” element must have an “alt” attribute" in report, report
    assert "fragment:4:3: error: Duplicate ID “dobbelt”" in report, report
    assert len(browserlib.errors(results[files[fragment]])) == 2, report


@pytest.mark.parametrize("sample, code", [("good", 0), ("bad", 1)])
def test_the_real_tests_pass_on_good_and_fail_on_bad(sample, code):
    """Runs test_accessibility.py and test_html_validity.py as CI does, on a sample."""
    env = dict(os.environ, PEJLING_OUTPUT=str(SAMPLES / sample))
    run = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
         "test_accessibility.py", "test_html_validity.py"],
        cwd=HERE, env=env, capture_output=True, text=True, timeout=600,
    )
    assert run.returncode == code, run.stdout + run.stderr
    if sample == "bad":
        for expected in (
            "FAILED test_accessibility.py::test_axe[index.html]",
            "FAILED test_accessibility.py::test_axe[eksempel/indlejring.html]",
            "FAILED test_accessibility.py::test_reflow_320px[index.html]",
            "FAILED test_accessibility.py::test_reflow_320px[eksempel/indlejring.html]",
            "FAILED test_html_validity.py::test_html_valid[index.html]",
            "FAILED test_html_validity.py::test_html_valid[eksempel/indlejring.html]",
            "[critical] image-alt",
        ):
            assert expected in run.stdout, run.stdout
