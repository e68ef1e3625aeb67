"""What the publishing issue promises beyond axe-core's rules, measured in headless
Chromium on every built page:

- test_reflow_200_percent_zoom: at 640 CSS px (1280 px at 200 % zoom) nothing scrolls
  sideways (WCAG 1.4.10 / 1.4.4; 320 px is test_accessibility.py's).
- test_skip_link_and_visible_focus: the first Tab reaches "Gå til indhold", which then
  is on screen with a visible outline, and it leads to <main> (WCAG 2.4.1, 2.4.7).
- test_links_are_underlined: links in running text are underlined, so colour is not
  what tells them apart (WCAG 1.4.1).
- test_print_stylesheet: under print media the navigation and skip link are gone, the
  targets of links out of the page are printed after them, table rows and charts do
  not break across pages, and reports after the first and appendices start a new page.

Fragments (`indlejring.html`) are tested inside the host page of browserlib; the
skip link belongs to full pages only.
"""

from __future__ import annotations

import pytest

import browserlib

ZOOM_200_WIDTH = 640


def _open(browser, page, scratch, width=None, media=None):
    if width is None:
        browser.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
    else:
        browser.execute_cdp_cmd(
            "Emulation.setDeviceMetricsOverride",
            {"width": width, "height": 900, "deviceScaleFactor": 1, "mobile": False},
        )
    browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": media or ""})
    browserlib.open_file(browser, browserlib.loadable_file(page, scratch))


@pytest.fixture
def clean(browser):
    yield browser
    browser.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
    browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})


def test_reflow_200_percent_zoom(built_page, clean, scratch):
    path = browserlib.loadable_file(built_page, scratch)
    measure = browserlib.measure_reflow(clean, path, width=ZOOM_200_WIDTH)
    if not browserlib.reflows(measure):
        pytest.fail(f"{built_page.name}: " + browserlib.format_reflow(measure, ZOOM_200_WIDTH), pytrace=False)


def test_skip_link_and_visible_focus(built_page, clean, scratch):
    if built_page.fragment:
        pytest.skip("a fragment has no skip link: the CMS page around it has its own")
    _open(clean, built_page, scratch)
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.keys import Keys

    ActionChains(clean).send_keys(Keys.TAB).perform()
    focused = clean.execute_script(
        """
        const a = document.activeElement;
        const r = a.getBoundingClientRect();
        const s = getComputedStyle(a);
        const target = document.querySelector(a.getAttribute('href') || '#none');
        return {text: a.textContent.trim(), href: a.getAttribute('href'),
                top: r.top, bottom: r.bottom, left: r.left, width: r.width,
                outline: s.outlineStyle, outlineWidth: parseFloat(s.outlineWidth),
                targetTag: target ? target.tagName : null};
        """
    )
    problems = []
    if focused["text"] != "Gå til indhold":
        problems.append(f"the first Tab reached {focused['text']!r}, not the skip link")
    if focused["top"] < 0 or focused["left"] < 0 or focused["width"] <= 0:
        problems.append(f"the focused skip link is off screen: {focused}")
    if focused["outline"] == "none" or focused["outlineWidth"] < 2:
        problems.append(f"no visible focus outline: {focused['outline']} {focused['outlineWidth']} px")
    if focused["targetTag"] != "MAIN":
        problems.append(f"the skip link leads to {focused['targetTag']}, not <main>")
    if problems:
        pytest.fail(f"{built_page.name}: " + "; ".join(problems), pytrace=False)


def test_links_are_underlined(built_page, clean, scratch):
    _open(clean, built_page, scratch)
    plain = clean.execute_script(
        """
        const scope = document.querySelector('main, .pejling-indlejring');
        return [...scope.querySelectorAll('p a, li a, td a, th a')]
          .filter(a => !getComputedStyle(a).textDecorationLine.includes('underline'))
          .map(a => a.outerHTML.slice(0, 120));
        """
    )
    if plain:
        pytest.fail(f"{built_page.name}: links without underline: {plain[:5]}", pytrace=False)


def test_print_stylesheet(built_page, clean, scratch):
    _open(clean, built_page, scratch, media="print")
    found = clean.execute_script(
        """
        const visible = sel => [...document.querySelectorAll(sel)]
          .filter(e => getComputedStyle(e).display !== 'none').length;
        const external = [...document.querySelectorAll('a[href^="http"]')];
        const unprinted = external
          .filter(a => !getComputedStyle(a, '::after').content.includes(a.getAttribute('href')))
          .map(a => a.getAttribute('href'));
        const splittable = [...document.querySelectorAll('tr, .rapport svg')]
          .filter(e => getComputedStyle(e).breakInside !== 'avoid').length;
        const reports = [...document.querySelectorAll('.rapport')];
        const noBreak = reports.slice(1).concat([...document.querySelectorAll('.bilag')])
          .filter(e => getComputedStyle(e).breakBefore !== 'page')
          .map(e => e.id || e.textContent.trim().slice(0, 40));
        return {nav: visible('nav, .spring-over'), unprinted, splittable, noBreak,
                tables: document.querySelectorAll('table').length};
        """
    )
    problems = []
    if found["nav"]:
        problems.append(f"{found['nav']} navigation element(s) still shown")
    if found["unprinted"]:
        problems.append(f"link targets not printed: {found['unprinted'][:3]}")
    if found["splittable"]:
        problems.append(f"{found['splittable']} table row(s) or chart(s) may break across pages")
    if found["noBreak"]:
        problems.append(f"no page break before: {found['noBreak']}")
    if problems:
        pytest.fail(f"{built_page.name} (print): " + "; ".join(problems), pytrace=False)
