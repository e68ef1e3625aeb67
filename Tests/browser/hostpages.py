"""Host pages for the CMS fragment, built on CSS that real sites use, and the
measurements that prove a page or a fragment fits its column.

Themes (HOST_THEMES):
- bootstrap5, bootstrap4: Bootstrap from Debian's libjs-bootstrap5 / libjs-bootstrap4,
  the fragment in a `col-lg-8` beside a sidebar;
- sphinx-rtd: the Read-the-Docs Sphinx theme (Debian's sphinx-rtd-theme-common), the
  fragment in `.rst-content` of `.wy-nav-content`;
- normalize: normalize.css (Debian's node-normalize.css) and a plain 700 px column;
- kommune-groen: a municipal theme of our own with the rules the issue names (`th` on
  dark green with white text, `.content table td`, `#main a`, `* {…}`,
  `svg {max-width: 50%}`, list bullets from `li::before`, `table {display: block}`) in a
  760 px column;
- kommune-moerk: a municipal theme with a dark content area (light text on dark blue).

The Debian packages' CSS files are found by their Debian paths (`dpkg -L`), so the tests
use exactly what `scripts/browser-env.sh` installs.

Two ways of pasting, as docs/guide-til-webredaktoerer.md describes them:
- "html-blok": the whole of indlejring.html in the CMS's HTML block (its `<style>` in
  the body, after the theme's CSS);
- "css-felt": indlejring.css in the CMS's CSS field, which puts it in `<head>` (here
  before the theme's own CSS, the harder case), and only the `<div>` in the HTML block.

Every host page also holds the host's own content (a heading, a paragraph, a link, a
list and a table) outside the fragment, so that a test can prove that the fragment's
CSS changes nothing of the host's.
"""

from __future__ import annotations

import html
import re
import subprocess
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

WRAPPER_ID = "pejling-indlejring"
PASTE_WAYS = ("html-blok", "css-felt")
# Widths for the host pages (the fragment) and for the municipality's own pages.
FRAGMENT_WIDTHS = (1280, 390)
PAGE_WIDTHS = (1280, 1024, 768, 390, 320)
MIN_CHART_TEXT_PX = 12.0


class MissingPackage(RuntimeError):
    pass


@lru_cache(maxsize=None)
def debian_file(package: str, suffix: str) -> Path:
    """The file of an installed Debian package whose path ends in `suffix` (`dpkg -L`)."""
    try:
        listing = subprocess.run(
            ["dpkg", "-L", package], check=True, capture_output=True, text=True
        ).stdout.splitlines()
    except (OSError, subprocess.CalledProcessError) as error:
        raise MissingPackage(
            f"Debian package {package} is not installed (scripts/browser-env.sh installs it): {error}"
        )
    for line in sorted(listing):
        if line.endswith(suffix) and Path(line).is_file():
            return Path(line)
    raise MissingPackage(f"no file ending in {suffix} in Debian package {package}")


# --- Themes ------------------------------------------------------------------------


KOMMUNE_GROEN_CSS = """
* { box-sizing: content-box; font-family: Georgia, "DejaVu Serif", serif; line-height: 1.9; }
body { margin: 0; background: #e9ece8; color: #222; font-size: 18px; }
header.top { background: #00594f; color: #fff; padding: 16px 24px; }
#main { display: flex; justify-content: center; padding: 24px 0; }
.content { width: 760px; background: #fff; padding: 24px 32px; }
h1, h2, h3 { color: #00594f; text-transform: uppercase; letter-spacing: 0.05em; margin: 1.5em 0 0.2em; }
p { margin: 0 0 1.5em; color: #333; font-size: 19px; text-align: justify; }
th { background: #00594f; color: #fff; text-align: center; padding: 12px; }
.content table td { border: 2px solid #999; padding: 14px 20px; font-size: 20px; background: #f7f7f7; white-space: nowrap; }
table { display: block; overflow-x: auto; border-collapse: separate; border-spacing: 4px; }
tr:nth-child(even) td { background: #dfe8e6; }
#main a { color: #00594f; font-weight: bold; text-decoration: none; border-bottom: 3px solid #f2a900; }
ul { list-style: none; padding: 0; }
ul li::before { content: "\\25A0  "; color: #f2a900; }
li { margin-bottom: 1em; font-size: 20px; }
svg { max-width: 50%; float: right; }
div { padding: 2px; }
section, article, nav, figure { margin: 30px; border: 1px dashed #00594f; }
@media (max-width: 800px) {
  #main { display: block; padding: 0; }
  .content { width: auto; padding: 12px 16px; }
}
"""

KOMMUNE_MOERK_CSS = """
body { margin: 0; font-family: Arial, "Liberation Sans", sans-serif; background: #f2f2f2; color: #111; }
#indhold { max-width: 640px; margin: 0 auto; padding: 24px; background: #14243a; color: #f1f1f1; }
#indhold h1, #indhold h2, #indhold h3, #indhold p, #indhold li, #indhold td, #indhold th, #indhold caption { color: #f1f1f1; }
#indhold a { color: #9fd3ff; }
#indhold table { background: #1d3350; }
#indhold th { border-bottom: 2px solid #9fd3ff; }
#indhold figure { background: #22395a; }
@media (max-width: 700px) { #indhold { padding: 12px; } }
"""


@dataclass(frozen=True)
class Theme:
    name: str
    # (package, path suffix) of Debian CSS files, linked in this order.
    debian_css: tuple[tuple[str, str], ...]
    own_css: str
    # The page around the fragment: `{host}` is the host's own content, `{fragment}` the paste.
    frame: str


_HOST_CONTENT = """<h1 id="host-titel">Kommunens side om børn og unge</h1>
<p id="host-tekst">Her kan du læse rapporterne fra Task Forcen. <a id="host-link" href="#host-titel">Kommunens link</a></p>
<ul id="host-liste"><li>Første punkt</li><li>Andet punkt</li></ul>
<table id="host-tabel"><caption>Kommunens tabel</caption><thead><tr><th scope="col">Emne</th><th scope="col">Antal</th></tr></thead>
<tbody><tr><td>Sager</td><td>20</td></tr></tbody></table>
"""

HOST_THEMES = {
    "bootstrap5": Theme(
        "bootstrap5",
        (("libjs-bootstrap5", "/css/bootstrap.css"),),
        "",
        '<div class="container"><div class="row">'
        '<main class="col-lg-8" id="main">{host}<div class="cms-blok">{fragment}</div></main>'
        '<aside class="col-lg-4"><h2>Se også</h2><p>Genveje</p></aside></div></div>',
    ),
    "bootstrap4": Theme(
        "bootstrap4",
        (("libjs-bootstrap4", "bootstrap4/css/bootstrap.css"),),
        "",
        '<div class="container"><div class="row">'
        '<main class="col-lg-8" id="main">{host}<div class="cms-blok">{fragment}</div></main>'
        '<aside class="col-lg-4"><h2>Se også</h2><p>Genveje</p></aside></div></div>',
    ),
    "sphinx-rtd": Theme(
        "sphinx-rtd",
        (("sphinx-rtd-theme-common", "/static/css/theme.css"),),
        "",
        '<div class="wy-grid-for-nav"><section class="wy-nav-content-wrap" style="margin-left:0">'
        '<div class="wy-nav-content"><div class="rst-content"><div role="main" class="document">'
        '<div itemprop="articleBody" class="section">{host}{fragment}</div></div></div></div></section></div>',
    ),
    "normalize": Theme(
        "normalize",
        (("node-normalize.css", "normalize.css/normalize.css"),),
        "body { font-family: sans-serif; } main { max-width: 700px; margin: 0 auto; padding: 0 16px; }",
        '<main id="main">{host}{fragment}</main>',
    ),
    "kommune-groen": Theme(
        "kommune-groen",
        (),
        KOMMUNE_GROEN_CSS,
        '<header class="top"><p>Kommunen</p></header>'
        '<div id="main"><div class="content">{host}{fragment}</div></div>',
    ),
    "kommune-moerk": Theme(
        "kommune-moerk",
        (),
        KOMMUNE_MOERK_CSS,
        '<main id="indhold"><div class="content">{host}{fragment}</div></main>',
    ),
}


HOSTILE_THEMES = ("kommune-groen", "kommune-moerk")

_STYLE = re.compile(r"<style(?:\s[^>]*)?>.*?</style\s*>", re.DOTALL | re.IGNORECASE)
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)


def host_page(theme: Theme, fragment_html: str, fragment_css: Path, way: str, base: str,
              with_fragment: bool = True) -> str:
    """A host page of `theme` with the fragment pasted `way`; without the fragment when
    `with_fragment` is false (the same page otherwise, to compare the host's styles)."""
    links = "".join(
        f'<link rel="stylesheet" href="{debian_file(p, s).as_uri()}">\n' for p, s in theme.debian_css
    )
    own = f"<style>{theme.own_css}</style>\n" if theme.own_css else ""
    head_css = ""
    if way == "html-blok":
        paste = fragment_html
    elif way == "css-felt":
        paste = _STYLE.sub("", _COMMENT.sub("", fragment_html))
        head_css = f'<link rel="stylesheet" href="{fragment_css.as_uri()}">\n'
    else:
        raise ValueError(way)
    if not with_fragment:
        paste = ""
    body = theme.frame.format(host=_HOST_CONTENT, fragment=paste)
    return (
        "<!DOCTYPE html>\n<html lang=\"da\">\n<head>\n<meta charset=\"utf-8\">\n"
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{html.escape(theme.name)}: {way}</title>\n"
        f'<base href="{html.escape(base)}">\n'
        + head_css + links + own
        + "</head>\n<body>\n" + body + "\n</body>\n</html>\n"
    )


# --- Measurements ---------------------------------------------------------------------

# Checks inside `root` (a CSS selector; the fragment's wrapper, or a page's <main>):
# - every table, row, cell and shown chart lies inside root's content box, and no table frame
#   scrolls sideways (every cell visible without scrolling);
# - every text of a shown chart is at least `min` CSS px as rendered.
MEASURE_FIT = r"""
const root = document.querySelector(arguments[0]);
const min = arguments[1];
if (!root) return {missing: true};
// The content box: the column that tables and charts must keep inside.
const outer = root.getBoundingClientRect();
const rootStyle = getComputedStyle(root);
const box = {left: outer.left + parseFloat(rootStyle.borderLeftWidth) + parseFloat(rootStyle.paddingLeft),
             right: outer.right - parseFloat(rootStyle.borderRightWidth) - parseFloat(rootStyle.paddingRight)};
const problems = [];
function name(e) {
  let s = e.tagName.toLowerCase();
  if (e.id) return s + '#' + e.id;
  if (e.classList.length) s += '.' + [...e.classList].join('.');
  const p = e.parentElement;
  if (p) s = name(p).split(' > ').slice(-2).join(' > ') + ' > ' + s;
  return s;
}
function shown(e) {
  const r = e.getBoundingClientRect();
  return r.width > 1 && r.height > 1 && getComputedStyle(e).visibility !== 'hidden';
}
function clipped(e) {
  for (let n = e; n && n !== root; n = n.parentElement) {
    const r = n.getBoundingClientRect();
    if (getComputedStyle(n).position === 'absolute' && r.width <= 1) return true;
  }
  return false;
}
let cells = 0, texts = 0, charts = 0, tables = 0;
for (const e of root.querySelectorAll('table, tr, th, td, svg')) {
  if (!shown(e) || clipped(e)) continue;
  const r = e.getBoundingClientRect();
  if (r.left < box.left - 0.5 || r.right > box.right + 0.5) {
    problems.push(name(e) + ': ' + Math.round(r.left) + '–' + Math.round(r.right)
      + ' px, outside the box ' + Math.round(box.left) + '–' + Math.round(box.right) + ' px');
  }
  if (e.tagName === 'TD' || e.tagName === 'TH') cells++;
  if (e.tagName === 'TABLE') tables++;
}
for (const frame of root.querySelectorAll('.tabel-ramme')) {
  if (shown(frame) && frame.scrollWidth > frame.clientWidth + 1) {
    problems.push(name(frame) + ': scrolls sideways (' + frame.scrollWidth + ' > ' + frame.clientWidth + ' px)');
  }
}
for (const svg of root.querySelectorAll('svg')) {
  if (!shown(svg)) continue;
  charts++;
  const scale = svg.getScreenCTM().a;
  for (const t of svg.querySelectorAll('text')) {
    const px = parseFloat(getComputedStyle(t).fontSize) * scale;
    texts++;
    if (px < min - 0.05) {
      problems.push(name(svg) + ' text "' + t.textContent.slice(0, 40) + '": ' + px.toFixed(1) + ' px < ' + min + ' px');
      break;
    }
  }
}
return {box: [box.left, box.right], problems: problems.slice(0, 15), count: problems.length,
        cells, texts, charts, tables};
"""

# The computed styles of the host's own content outside the fragment.
HOST_STYLES = r"""
const props = ['color', 'background-color', 'font-family', 'font-size', 'font-weight', 'line-height',
  'margin-top', 'margin-bottom', 'padding-left', 'border-top-width', 'text-transform', 'text-align',
  'list-style-type', 'box-sizing', 'display', 'width'];
const out = {};
for (const sel of ['body', '#host-titel', '#host-tekst', '#host-link', '#host-liste', '#host-liste li',
                   '#host-tabel', '#host-tabel th', '#host-tabel td', '#host-tabel caption']) {
  const e = document.querySelector(sel);
  if (!e) continue;
  const cs = getComputedStyle(e);
  out[sel] = Object.fromEntries(props.map(p => [p, cs.getPropertyValue(p)]));
}
return out;
"""
