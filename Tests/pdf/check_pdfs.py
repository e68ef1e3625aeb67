"""Checks every PDF report of a built site, as a municipality's web editor would before
publishing it, with the tools they would use (poppler's pdfinfo, pdffonts, pdftotext) and
pikepdf for the structure:

- pdfinfo: Tagged, A4, a title with the municipality's name;
- pdffonts: every font embedded;
- the catalog: /Lang da, /MarkInfo /Marked true, a structure tree with headings, a table
  with TH cells, and one Figure with non-empty Alt per chart of the page;
- the outline (bookmarks) lists the page's headings;
- every page but the cover says "Side X af Y" with its own number and the municipality's
  name (and "Eksempel" and "KLADDE" where they apply), and no text is smaller than 8 pt;
- each entry of the contents links to the page that it prints, and that page has the
  heading;
- every "k af n sager" and whole per cent of data.json is in the text.

Usage: python Tests/pdf/check_pdfs.py OUTPUT_FOLDER
       (run by `make pdf-tests`; needs .venv-pdf from scripts/pdf-env.sh)
"""

import html
import json
import os
import re
import subprocess
import sys

import pikepdf

failures = []


def fail(slug, message):
    failures.append(f'{slug}: {message}')


def run(*command):
    return subprocess.run(command, check=True, capture_output=True, text=True).stdout


def normalise(text):
    return re.sub(r'\s+', ' ', text.replace('\u00a0', ' ').replace('\u00ad', '')).strip()


def page_texts(path, count):
    # One pdftotext run; pages are separated by form feeds.
    text = run('pdftotext', '-enc', 'UTF-8', path, '-')
    pages = text.split('\f')
    return [normalise(page) for page in pages[:count]]


def whole_percent(k, n):
    """round(100k/n) with a half rounding up, as the pages show it."""
    return (200 * k + n) // (2 * n)


def danish_integer(value):
    return f'{value:,}'.replace(',', '.')


def structure_elements(pdf):
    """Every structure element of the tag tree, depth first."""
    root = pdf.Root.get('/StructTreeRoot')
    if root is None:
        return []
    found = []
    stack = [root]
    seen = set()
    while stack:
        node = stack.pop()
        if isinstance(node, pikepdf.Dictionary):
            key = node.objgen
            if key != (0, 0):
                if key in seen:
                    continue
                seen.add(key)
            if '/S' in node:
                found.append(node)
            kids = node.get('/K')
            if kids is not None:
                stack.extend(reversed(list(kids)) if isinstance(kids, pikepdf.Array) else [kids])
        elif isinstance(node, pikepdf.Array):
            stack.extend(reversed(list(node)))
    return found


def headings_of_page(page_html):
    """Texts of the h2 and h3 headings of the municipality's page (its reports and summary)."""
    main = page_html.split('<main', 1)[-1]
    texts = []
    for match in re.finditer(r'<h([23])[^>]*>(.*?)</h\1>', main, re.S):
        texts.append(normalise(html.unescape(re.sub(r'<[^>]+>', '', match.group(2)))))
    return [text for text in texts if text]


def link_destination(annotation):
    """The named destination (or explicit destination array) a link annotation leads to."""
    action = annotation.get('/A')
    destination = annotation.get('/Dest')
    if destination is None and action is not None:
        destination = action.get('/D')
    return destination


def destination_page(pdf, destination, page_numbers):
    if isinstance(destination, (pikepdf.String, pikepdf.Name)):
        name = str(destination)
        names = pdf.Root.get('/Names')
        tree = pikepdf.NameTree(names.Dests) if names is not None and '/Dests' in names else None
        if tree is None or name not in tree:
            return None
        destination = tree[name]
        if isinstance(destination, pikepdf.Dictionary):
            destination = destination.D
    if isinstance(destination, pikepdf.Array) and len(destination) > 0:
        return page_numbers.get(destination[0].objgen)
    return None


def check(output, slug):
    path = os.path.join(output, slug, f'{slug}.pdf')
    if not os.path.exists(path):
        fail(slug, f'{path} is missing')
        return
    with open(os.path.join(output, slug, 'data.json'), encoding='utf-8') as handle:
        data = json.load(handle)
    with open(os.path.join(output, slug, f'{slug}.html'), encoding='utf-8') as handle:
        page_html = handle.read()
    name = data['kommune']['navn']

    info = run('pdfinfo', path)
    fields = dict(line.split(':', 1) for line in info.splitlines() if ':' in line)
    fields = {key.strip(): value.strip() for key, value in fields.items()}
    if fields.get('Tagged') != 'yes':
        fail(slug, f'pdfinfo says Tagged: {fields.get("Tagged")}')
    if '(A4)' not in fields.get('Page size', ''):
        fail(slug, f'page size is {fields.get("Page size")}, not A4')
    if name not in fields.get('Title', ''):
        fail(slug, f'title {fields.get("Title")!r} lacks {name!r}')
    page_count = int(fields.get('Pages', '0'))

    fonts = run('pdffonts', path).splitlines()[2:]
    if not fonts:
        fail(slug, 'pdffonts lists no font')
    for line in fonts:
        columns = line.split()
        # name type [encoding…] emb sub uni object ID: emb is the fifth column from the end.
        if len(columns) < 7 or columns[-5] != 'yes':
            fail(slug, f'font not embedded: {line}')

    pdf = pikepdf.open(path)
    root = pdf.Root
    if str(root.get('/Lang', '')) != 'da':
        fail(slug, f'/Lang is {root.get("/Lang")!r}, not da')
    mark_info = root.get('/MarkInfo')
    if mark_info is None or not bool(mark_info.get('/Marked', False)):
        fail(slug, '/MarkInfo /Marked is not true')
    elements = structure_elements(pdf)
    kinds = [str(element.S) for element in elements]
    if not elements:
        fail(slug, 'no structure tree')
    if '/H1' not in kinds or '/H2' not in kinds:
        fail(slug, f'structure tree lacks H1 or H2 (has {sorted(set(kinds))})')
    if '/Table' not in kinds or '/TH' not in kinds:
        fail(slug, 'structure tree has no table with TH cells')
    if '/L' not in kinds or '/LI' not in kinds:
        fail(slug, 'structure tree has no list')
    figures = [element for element in elements if str(element.S) == '/Figure']
    charts = len(re.findall(r'<svg class="diagram"', page_html))
    if charts == 0:
        fail(slug, 'the page has no chart to compare with')
    if len(figures) != charts:
        fail(slug, f'{len(figures)} Figure elements for {charts} charts')
    for figure in figures:
        alt = str(figure.get('/Alt', '')).strip()
        if not alt:
            fail(slug, 'a Figure without alternative text')

    with pdf.open_outline() as outline:
        titles = []
        stack = list(outline.root)
        while stack:
            item = stack.pop(0)
            titles.append(normalise(item.title))
            stack[0:0] = list(item.children)
    for heading in headings_of_page(page_html):
        if heading not in titles:
            fail(slug, f'the outline lacks the heading {heading!r}')

    texts = page_texts(path, page_count)
    if len(texts) != page_count:
        fail(slug, f'pdftotext gave {len(texts)} pages of {page_count}')
    if 'Side 1 af' in texts[0]:
        fail(slug, 'the cover has a page number')
    for number, text in enumerate(texts[1:], start=2):
        if f'Side {number} af {page_count}' not in text:
            fail(slug, f'page {number} does not say "Side {number} af {page_count}"')
        if name not in text:
            fail(slug, f'page {number} does not name {name}')
        if data['kommune'].get('eksempel') and 'Eksempel' not in text:
            fail(slug, f'page {number} does not say Eksempel')
        if 'class="banner banner-kladde"' in page_html and 'KLADDE' not in text:
            fail(slug, f'page {number} of a draft does not say KLADDE')

    # The contents: on the page after the cover, each entry a link whose printed number is
    # the page it leads to, where the heading is.
    page_numbers = {page.obj.objgen: index + 1 for index, page in enumerate(pdf.pages)}
    contents_page = pdf.pages[1]
    links = [annotation for annotation in contents_page.get('/Annots', [])
             if annotation.get('/Subtype') == '/Link']
    if not links:
        fail(slug, 'the contents have no links')
    printed = [int(number) for number in re.findall(r'\.\s*(\d+)(?= |$)', texts[1].split('Side 2 af')[0])]
    # An entry is several link areas (its text, the leader, the number): one per destination.
    destinations = []
    for link in links:
        destination = link_destination(link)
        key = str(destination) if isinstance(destination, (pikepdf.String, pikepdf.Name)) else repr(destination)
        if key not in [seen for seen, _ in destinations]:
            destinations.append((key, destination))
    targets = [destination_page(pdf, destination, page_numbers) for _, destination in destinations]
    if printed != targets:
        fail(slug, f'the contents print pages {printed}, their links lead to {targets}')
    layout = run('pdftotext', '-layout', '-enc', 'UTF-8', '-f', '2', '-l', '2', path, '-')
    for line in layout.splitlines():
        match = re.match(r'\s*(.*?)[\s.]{4,}(\d+)\s*$', line)
        if not match:
            continue
        title, number = normalise(match.group(1)), int(match.group(2))
        if number < 1 or number > page_count:
            fail(slug, f'contents entry {title!r} points at page {number}')
            continue
        # The entry's words (the title may be shortened to its type for a report) are on that page.
        first_words = title.split(':')[-1].strip()[:30]
        if first_words and first_words not in texts[number - 1]:
            fail(slug, f'contents entry {title!r} says page {number}, which lacks {first_words!r}')

    # Legible: no word smaller than 8 pt. poppler's word box is the font's ascent to its
    # descent, about 1.12 times the size for Liberation Sans (the footer's 9 pt gives 10.05).
    boxes = run('pdftotext', '-bbox', path, '-')
    heights = [float(y1) - float(y0) for y0, y1 in
               re.findall(r'<word xMin="[^"]*" yMin="([^"]*)" xMax="[^"]*" yMax="([^"]*)">', boxes)]
    if heights and min(heights) < 8 * 1.1:
        fail(slug, f'text of about {min(heights) / 1.117:.1f} pt, smaller than 8 pt')

    # Every count and whole per cent of data.json is in the text.
    everything = ' '.join(texts)
    for measurement in data['maalinger']:
        for result in measurement['resultater']:
            k, n = result['opfyldt'], result['relevante']
            if n == 0:
                continue
            cases = f'{danish_integer(k)} af {danish_integer(n)} {"sag" if n == 1 else "sager"}'
            if cases not in everything:
                fail(slug, f'"{cases}" ({result["kriterium"]}) is not in the text')
            percent = f'{whole_percent(k, n)} %'
            if percent not in everything:
                fail(slug, f'"{percent}" ({result["kriterium"]}) is not in the text')


def main():
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    output = sys.argv[1]
    slugs = sorted(entry for entry in os.listdir(output)
                   if os.path.exists(os.path.join(output, entry, 'data.json')))
    if not slugs:
        print(f'no municipality in {output}', file=sys.stderr)
        return 1
    for slug in slugs:
        check(output, slug)
    for failure in failures:
        print(f'FAIL {failure}')
    print(f'{len(slugs)} PDFs checked, {len(failures)} problems')
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())
