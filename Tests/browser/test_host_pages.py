"""The CMS fragment on real host sites, and every form of a municipality's page on
real screens (issue 12: "publishable as is").

- test_fragment_in_host: the largest built `indlejring.html` (and every other one in
  the two municipal themes), pasted both ways that
  docs/guide-til-webredaktoerer.md describes into host pages built on Bootstrap 5 and
  4, the Read-the-Docs Sphinx theme, normalize.css and two hostile municipal themes
  (hostpages.py), at 1280 and 390 px: axe-core finds no violation inside the fragment;
  every table, row, cell and chart lies inside the fragment's box, which lies inside
  the host's column; no table frame scrolls sideways; every chart text is at least
  12 CSS px as rendered; and the host's own content looks exactly as it does without
  the fragment (nothing leaks out).
- test_page_fits: `<slug>/index.html`, `<slug>/<slug>.html` and the overview at 1280,
  1024, 768, 390 and 320 px: the same fit and text-size measurement inside `<main>`.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

import browserlib
import hostpages
from conftest import output_dir

AXE_IN_FRAGMENT = """
const done = arguments[arguments.length - 1];
axe.run({include: [['#' + arguments[0]]]}, arguments[1]).then(r => done(r), e => done({error: String(e)}));
"""


def _built(fragment: bool) -> list[browserlib.Page]:
    folder = output_dir()
    if not folder.is_dir():
        return []
    return [p for p in browserlib.find_pages(folder) if p.fragment == fragment]


def pytest_generate_tests(metafunc):
    if "fragment_case" in metafunc.fixturenames:
        # The largest fragment (the most tables and charts) in every theme; every other
        # fragment in the two hostile municipal themes, which the others add nothing to.
        fragments = _built(fragment=True)
        richest = max(fragments, key=lambda p: p.path.stat().st_size, default=None)
        cases = [
            (page, theme, way)
            for page in fragments
            for theme in hostpages.HOST_THEMES
            for way in hostpages.PASTE_WAYS
            if page == richest or theme in hostpages.HOSTILE_THEMES
        ]
        metafunc.parametrize(
            "fragment_case", cases, ids=[f"{p.name}-{t}-{w}" for p, t, w in cases]
        )
    if "full_page" in metafunc.fixturenames:
        pages = _built(fragment=False)
        metafunc.parametrize("full_page", pages, ids=[p.name for p in pages])


def _width(browser, width: int) -> None:
    browser.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride",
        {"width": width, "height": 900, "deviceScaleFactor": 1, "mobile": False},
    )


@pytest.fixture
def sized(browser):
    yield browser
    browser.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


def _fit_problems(browser, root: str) -> tuple[list[str], dict]:
    measure = browser.execute_script(hostpages.MEASURE_FIT, root, hostpages.MIN_CHART_TEXT_PX)
    if measure.get("missing"):
        return [f"no element {root} on the page"], measure
    problems = list(measure["problems"])
    if measure["count"] > len(problems):
        problems.append(f"… and {measure['count'] - len(problems)} more")
    return problems, measure


def test_fragment_in_host(fragment_case, sized, scratch):
    page, theme_name, way = fragment_case
    theme = hostpages.HOST_THEMES[theme_name]
    try:
        fragment_html = page.path.read_text(encoding="utf-8")
        css = page.path.parent / "indlejring.css"
        base = page.path.parent.as_uri() + "/"
        key = hashlib.sha256(str(page.path).encode()).hexdigest()[:12]
        folder = Path(scratch) / "host-pages" / key
        folder.mkdir(parents=True, exist_ok=True)
        with_fragment = folder / f"{theme_name}-{way}.html"
        without = folder / f"{theme_name}-{way}-uden.html"
        with_fragment.write_text(hostpages.host_page(theme, fragment_html, css, way, base), encoding="utf-8")
        without.write_text(
            hostpages.host_page(theme, fragment_html, css, way, base, with_fragment=False), encoding="utf-8"
        )
    except hostpages.MissingPackage as error:
        pytest.fail(str(error), pytrace=False)

    from axe_selenium_python import Axe

    problems = []
    for width in hostpages.FRAGMENT_WIDTHS:
        _width(sized, width)
        browserlib.open_file(sized, without)
        host_alone = sized.execute_script(hostpages.HOST_STYLES)
        browserlib.open_file(sized, with_fragment)
        where = f"at {width} px"
        found, measure = _fit_problems(sized, "#" + hostpages.WRAPPER_ID)
        problems += [f"{where}: {p}" for p in found]
        if not measure.get("missing"):
            if measure["cells"] == 0 and "sammenfatning" in fragment_html:
                problems.append(f"{where}: no table cell was measured: the measurement is broken")
            inside = sized.execute_script(
                "const f = document.getElementById(arguments[0]); const p = f.parentElement;"
                "const r = f.getBoundingClientRect(), q = p.getBoundingClientRect();"
                "const cs = getComputedStyle(p);"
                "return [r.left, r.right, q.left + parseFloat(cs.paddingLeft), q.right - parseFloat(cs.paddingRight)];",
                hostpages.WRAPPER_ID,
            )
            if inside[0] < inside[2] - 0.5 or inside[1] > inside[3] + 0.5:
                problems.append(
                    f"{where}: the fragment ({inside[0]:.0f}–{inside[1]:.0f} px) is wider than "
                    f"the host's column ({inside[2]:.0f}–{inside[3]:.0f} px)"
                )
        host_with = sized.execute_script(hostpages.HOST_STYLES)
        for selector, styles in host_alone.items():
            changed = {
                prop: (value, host_with.get(selector, {}).get(prop))
                for prop, value in styles.items()
                if host_with.get(selector, {}).get(prop) != value
            }
            if changed:
                problems.append(f"{where}: the fragment's CSS changes the host's {selector}: {changed}")
        Axe(sized).inject()
        result = sized.execute_async_script(
            AXE_IN_FRAGMENT,
            hostpages.WRAPPER_ID,
            {"runOnly": {"type": "tag", "values": browserlib.AXE_TAGS}, "resultTypes": ["violations"]},
        )
        if "error" in result:
            problems.append(f"{where}: axe-core failed: {result['error']}")
        elif result["violations"]:
            problems.append(f"{where}: " + browserlib.format_violations(result["violations"]))
    if problems:
        pytest.fail(
            f"{page.name} in {theme_name} ({way}), {with_fragment}:\n" + "\n".join(problems),
            pytrace=False,
        )


def test_page_fits(full_page, sized):
    problems = []
    for width in hostpages.PAGE_WIDTHS:
        _width(sized, width)
        browserlib.open_file(sized, full_page.path)
        found, measure = _fit_problems(sized, "main")
        problems += [f"at {width} px: {p}" for p in found]
        if not measure.get("missing") and measure["cells"] == 0:
            problems.append(f"at {width} px: no table cell was measured: the measurement is broken")
    if problems:
        pytest.fail(f"{full_page.name}:\n" + "\n".join(problems), pytrace=False)
