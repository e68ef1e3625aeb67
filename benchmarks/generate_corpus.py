#!/usr/bin/env python3
"""Generate a deterministic benchmark corpus for pejling and the same content as a Hugo site.

    python3 benchmarks/generate_corpus.py [--xlsx] N OUTDIR

writes

    OUTDIR/pejling/content/site.yml
    OUTDIR/pejling/content/kriterier.yml
    OUTDIR/pejling/content/kommuner/bench-00001/{kommune.yml, analyse.md, status.md, maalinger/*.json}
    OUTDIR/hugo/{hugo.toml, layouts/..., data/kriterier.yml, static/assets/style.css}
    OUTDIR/hugo/content/kommuner/bench-00001/{index.md, maalinger/*.json}

Every municipality is fictional (`eksempel: true`, "Benchby 00001"). Each has an
analysis of about 5 KB of Markdown with four ```maaling blocks and a case review of
20 cases; every second one also has a status report with a renewed measurement.

With --xlsx, pejling's case reviews are xlsx workbooks instead (maalinger/*.xlsx, one case
a row, as SPEC.md's "Case reviews as spreadsheets" has them, with shared strings as Excel
writes them) that count to exactly the same figures as the JSON files; Hugo's copy keeps
the JSON. Comparing a build of each measures what reading spreadsheets costs.

The output depends on N (and --xlsx) and nothing else: municipality i is generated from its own
random stream seeded with (SEED, i), so the first 1,000 municipalities of a
10,000 corpus are the 1,000 corpus. Python standard library only.
"""

import datetime
import json
import os
import random
import shutil
import sys
import zipfile

SEED = "pejling-bench-1"
CASES = 20  # antal_sager in every measurement

BEARINGS = [
    ("faglig-udredning", "Faglig udredning"),
    ("valg-af-indsats", "Valg af indsats"),
    ("opfoelgning", "Opfølgning"),
    ("inddragelse", "Inddragelse"),
]

CRITERIA = [
    ("underretning-vurderet", "faglig-udredning",
     "Underretningen er vurderet inden for 24 timer", "barnets lov § 132"),
    ("undersoegelse-rettidig", "faglig-udredning",
     "Den børnefaglige undersøgelse er afsluttet inden for fire måneder", "barnets lov § 20, stk. 3"),
    ("undersoegelse-helhed", "faglig-udredning",
     "Undersøgelsen belyser barnets udvikling og adfærd, familieforhold, skoleforhold, sundhed og netværk",
     "barnets lov § 20, stk. 2"),
    ("indsats-begrundet", "valg-af-indsats",
     "Valget af indsats er begrundet i undersøgelsens konklusioner", "barnets lov § 32"),
    ("handleplan-foreligger", "valg-af-indsats",
     "Der foreligger en barnets plan, før indsatsen iværksættes", "barnets lov § 91"),
    ("handleplan-maal", "valg-af-indsats",
     "Barnets plan indeholder konkrete mål for barnets udvikling", "barnets lov § 91, stk. 2"),
    ("opfoelgning-rettidig", "opfoelgning",
     "Der er fulgt op på indsatsen inden for tre måneder", "barnets lov § 95"),
    ("opfoelgning-maal", "opfoelgning",
     "Opfølgningen vurderer, om målene i barnets plan er nået", "barnets lov § 95, stk. 2"),
    ("plan-revideret", "opfoelgning",
     "Barnets plan er revideret efter opfølgningen", "barnets lov § 91, stk. 4"),
    ("samtale-barn", "inddragelse",
     "Der er afholdt en samtale med barnet", "barnets lov § 5, stk. 3"),
    ("foraeldre-inddraget", "inddragelse",
     "Forældrene er inddraget i undersøgelsen", "barnets lov § 20, stk. 4"),
    ("barnets-synspunkter", "inddragelse",
     "Barnets synspunkter er beskrevet og tillagt vægt i afgørelsen", "barnets lov § 5, stk. 1"),
]

# --- Danish-like prose ------------------------------------------------------

SUBJECTS = [
    "Kommunen", "Familieafdelingen", "Ledelsen", "Rådgiverne", "Myndighedsafsnittet",
    "Task Forcen", "Sagsgennemgangen", "Den faglige leder", "Medarbejderne",
    "Børne- og ungeudvalget", "Forvaltningen", "Det tværfaglige team",
]
VERBS = [
    "har arbejdet målrettet med", "prioriterer", "har styrket", "vurderer",
    "mangler fortsat", "beskriver", "har taget initiativ til", "dokumenterer",
    "har et godt grundlag for", "bør fastholde", "har udfordringer med", "følger op på",
]
OBJECTS = [
    "den børnefaglige undersøgelse", "opfølgningen på indsatserne", "inddragelsen af barnet",
    "samarbejdet med skolerne", "ledelsestilsynet i sagerne", "brugen af kvalitetsstandarder",
    "de økonomiske rammer for området", "overgangen til voksenområdet", "den tidlige indsats",
    "samtalerne med børn og unge", "dokumentationen i journalen", "netværksinddragelsen",
    "arbejdet med barnets plan", "vurderingen af underretninger", "sagsfordelingen mellem rådgiverne",
]
TAILS = [
    "i langt de fleste sager", "i en del af de gennemgåede sager", "på tværs af afdelingerne",
    "i forhold til lovgivningens krav", "siden analysen", "efter Task Forcens anbefalinger",
    "med god faglig kvalitet", "uden en fast praksis", "i den daglige sagsbehandling",
    "i samarbejde med familien", "i de fleste af de tyve sager", "over for kommunalbestyrelsen",
]
EXTRA = [
    "Det er et vigtigt skridt i udviklingen af praksis.",
    "Det giver et godt afsæt for det videre arbejde.",
    "Her er der fortsat et potentiale for forbedring.",
    "Sagsgennemgangen bekræfter billedet fra interviewene.",
    "Medarbejderne oplever, at arbejdsgangene er blevet tydeligere.",
    "Ledelsen har en klar forventning til, hvordan sagerne dokumenteres.",
    "Resultatet skal ses i lyset af, at stikprøven kun omfatter tyve sager.",
    "Forskellen er ikke nødvendigvis større, end tilfældet kan forklare.",
]
LINKS = [
    ("Socialstyrelsen", "https://socialstyrelsen.dk/"),
    ("barnets lov", "https://www.retsinformation.dk/eli/lta/2024/83"),
    ("Den Permanente Task Force", "https://socialstyrelsen.dk/tvaergaende-omrader/task-force"),
    ("Ankestyrelsens praksis", "https://ast.dk/"),
    ("kvalitetsstandarden", "https://example.dk/kvalitetsstandard"),
]
RECOMMENDATIONS = [
    "styrker ledelsestilsynet med de børnefaglige undersøgelser",
    "fastlægger en fast praksis for opfølgning inden for lovens frister",
    "sikrer, at samtalen med barnet altid dokumenteres",
    "udarbejder en kvalitetsstandard for myndighedsarbejdet",
    "bruger ledelsesinformation aktivt i den faglige styring",
    "inddrager netværket systematisk i udredningen",
    "formulerer konkrete og målbare mål i barnets plan",
    "afholder faste sparringsmøder mellem rådgivere og ledelse",
    "følger op på indsatsernes effekt sammen med leverandørerne",
]


def sentence(rnd):
    s = f"{rnd.choice(SUBJECTS)} {rnd.choice(VERBS)} {rnd.choice(OBJECTS)} {rnd.choice(TAILS)}."
    r = rnd.random()
    if r < 0.12:
        words = s.split(" ")
        k = rnd.randrange(1, len(words) - 1)
        words[k] = f"*{words[k]}*"
        s = " ".join(words)
    elif r < 0.20:
        s = f"**{s[:-1]}**."
    elif r < 0.28:
        text, url = rnd.choice(LINKS)
        s = s[:-1] + f", jf. [{text}]({url})."
    return s


def paragraph(rnd, lo=3, hi=5):
    out = [sentence(rnd) for _ in range(rnd.randint(lo, hi))]
    if rnd.random() < 0.5:
        out.append(rnd.choice(EXTRA))
    return " ".join(out)


def bullet_list(rnd, items, ordered=False):
    lines = []
    for n, item in enumerate(items, 1):
        lines.append(f"{n}. {item}" if ordered else f"- {item}")
    return "\n".join(lines)


def maaling_block(bearing):
    return f"```maaling\npejlemaerke: {bearing}\n```"


def fill(rnd, sections, target):
    """Add paragraphs at random places until the text reaches `target` bytes."""
    def size():
        return len("\n\n".join(b for _, blocks in sections for b in blocks).encode())
    while size() < target:
        _, blocks = rnd.choice(sections)
        blocks.insert(rnd.randint(1, len(blocks)), paragraph(rnd, 2, 4))


def render(front, sections):
    parts = ["---"] + front + ["---", ""]
    body = []
    for heading, blocks in sections:
        body.append(heading)
        body.extend(blocks)
    return "\n".join(parts) + "\n\n".join(body) + "\n"


def analysis(rnd, navn, dato, maaling_path):
    recs = rnd.sample(RECOMMENDATIONS, rnd.randint(3, 5))
    sections = [
        ("# Sammenfatning", [
            paragraph(rnd),
            "Task Forcen anbefaler, at kommunen:",
            bullet_list(rnd, recs),
        ]),
        ("# Overordnet styring og faglig ledelse", [
            paragraph(rnd),
            "## Ledelsesinformation",
            paragraph(rnd),
        ]),
        ("# Faglig udredning", [
            paragraph(rnd),
            maaling_block("faglig-udredning"),
            paragraph(rnd, 2, 3),
        ]),
        ("# Valg af indsats og opfølgning", [
            paragraph(rnd),
            maaling_block("valg-af-indsats"),
            "## Opfølgning på indsatserne",
            paragraph(rnd, 2, 3),
            maaling_block("opfoelgning"),
        ]),
        ("# Inddragelse af barn og familie", [
            paragraph(rnd),
            maaling_block("inddragelse"),
            "> " + sentence(rnd),
        ]),
        ("# Data og metode", [
            f"Analysen bygger på en sagsgennemgang af {CASES} tilfældigt udvalgte sager, "
            "interview med ledere og medarbejdere og kommunens egne data.",
            bullet_list(rnd, ["Sagsgennemgang", "Interview", "Spørgeskema", "Dokumentstudie"],
                        ordered=True),
        ]),
    ]
    fill(rnd, sections, rnd.randint(4300, 4900))
    front = [
        f"titel: Analyse af sagsbehandlingen på børne- og ungeområdet i {navn}",
        f"dato: {dato.isoformat()}",
        f"maaling: {maaling_path}",
    ]
    return front, sections


def status(rnd, navn, dato, maaling_path):
    sections = [
        ("# Indledning", [paragraph(rnd)]),
        ("# Task Forcens vurdering", [
            paragraph(rnd),
            bullet_list(rnd, [sentence(rnd)[:-1] for _ in range(3)]),
        ]),
        ("# Statusmålingen", [
            "Statusmålingen er en *pejling* af, om kommunen er på rette vej, ikke en slutmåling.",
        ] + [maaling_block(b) for b, _ in BEARINGS]),
        ("# Kommunens afsluttende bemærkninger", [paragraph(rnd)]),
    ]
    fill(rnd, sections, rnd.randint(2000, 2500))
    front = [
        f"titel: Status på udviklingsforløbet i {navn}",
        f"dato: {dato.isoformat()}",
        f"maaling: {maaling_path}",
    ]
    return front, sections


def measurement(rnd, kind, dato, base=None):
    results = []
    for cid, _, _, _ in CRITERIA:
        nr = rnd.randint(0, 6)
        relevant = CASES - nr
        if base is None:
            p = rnd.uniform(0.2, 0.85)
        else:  # the status measurement usually moves a little up
            b = base[cid]
            prev = b["opfyldt"] / max(1, b["opfyldt"] + b["ikke_opfyldt"])
            p = min(1.0, max(0.0, prev + rnd.uniform(-0.1, 0.3)))
        ok = sum(1 for _ in range(relevant) if rnd.random() < p)
        results.append({"kriterium": cid, "opfyldt": ok,
                        "ikke_opfyldt": relevant - ok, "ikke_relevant": nr})
    return {"type": kind, "dato": dato.isoformat(), "antal_sager": CASES, "resultater": results}


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


def xml_escape(text):
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def column_letters(n):
    letters = ""
    while n:
        n, r = divmod(n - 1, 26)
        letters = chr(65 + r) + letters
    return letters


XLSX_STATIC = {
    "[Content_Types].xml": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>',
    "_rels/.rels": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    "xl/workbook.xml": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sagsgennemgang" sheetId="1" r:id="rId1"/></sheets></workbook>',
    "xl/_rels/workbook.xml.rels": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>',
    "xl/styles.xml": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy\\-mm\\-dd"/></numFmts><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs></styleSheet>',
}


def case_review_xlsx(meas, seed):
    """The measurement as a case review workbook, one case a row, that counts to its figures."""
    rnd = random.Random(seed)
    columns = []
    for r in meas["resultater"]:
        column = (["opfyldt"] * r["opfyldt"] + ["ikke opfyldt"] * r["ikke_opfyldt"]
                  + ["ikke relevant"] * r["ikke_relevant"])
        rnd.shuffle(column)
        columns.append(column)
    strings, index = [], {}

    def shared(text):
        if text not in index:
            index[text] = len(strings)
            strings.append(text)
        return f'<c r="{{ref}}" t="s"><v>{index[text]}</v></c>'

    def row(r, cells):
        return f'<row r="{r}">' + "".join(c.replace("{ref}", f"{column_letters(k)}{r}")
                                          for k, c in enumerate(cells, 1)) + "</row>"

    serial = (datetime.date.fromisoformat(meas["dato"]) - datetime.date(1899, 12, 30)).days
    rows = [row(1, [shared("type"), shared(meas["type"])]),
            row(2, [shared("dato"), f'<c r="{{ref}}" s="1"><v>{serial}</v></c>']),
            row(4, [shared("sag")] + [shared(r["kriterium"]) for r in meas["resultater"]])]
    for case in range(meas["antal_sager"]):
        rows.append(row(case + 5, [f'<c r="{{ref}}"><v>{case + 1}</v></c>']
                        + [shared(column[case]) for column in columns]))
    sheet = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
             "<sheetData>" + "".join(rows) + "</sheetData></worksheet>")
    sst = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
           f'count="{len(strings)}" uniqueCount="{len(strings)}">' + "".join(f"<si><t>{xml_escape(t)}</t></si>" for t in strings) + "</sst>")
    parts = dict(XLSX_STATIC)
    parts["xl/worksheets/sheet1.xml"] = sheet
    parts["xl/sharedStrings.xml"] = sst
    return parts


def write_xlsx(path, parts):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in parts.items():
            info = zipfile.ZipInfo(name, date_time=(2000, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, text.encode("utf-8"))


def dump_json(obj):
    return json.dumps(obj, ensure_ascii=False, indent=2) + "\n"


def kriterier_yml():
    lines = ["pejlemaerker:"]
    for bid, navn in BEARINGS:
        lines += [f"  - id: {bid}", f"    navn: {navn}"]
    lines.append("kriterier:")
    for cid, bid, tekst, lov in CRITERIA:
        lines += [f"  - id: {cid}", f"    pejlemaerke: {bid}",
                  f"    tekst: {tekst}", f"    lovgrundlag: {lov}"]
    return "\n".join(lines) + "\n"


SITE_YML = """\
titel: Task Force-rapporter (benchmark)
udgiver: Den Permanente Task Force
base_url: https://example.dk/rapporter/
tilgaengelighedserklaering: https://example.dk/tilgaengelighed
"""

# --- Hugo site ----------------------------------------------------------------
# A minimal site with the same structure as pejling's output: a base template, one
# page per municipality at /<slug>/index.html and an overview list at /index.html.
# The ```maaling blocks go through a code-block render hook that reads the
# measurement JSON (bundle resources) and the criteria (site data) and draws a
# table and a bar per criterion, so Hugo does comparable work to pejling.

HUGO_TOML = """\
baseURL = "https://example.dk/rapporter/"
languageCode = "da"
defaultContentLanguage = "da"
title = "Task Force-rapporter (benchmark)"
disableKinds = ["taxonomy", "term", "section", "RSS", "sitemap", "robotsTXT", "404"]
enableRobotsTXT = false

[permalinks]
  kommuner = "/:slug/"

[params]
  udgiver = "Den Permanente Task Force"
  tilgaengelighedserklaering = "https://example.dk/tilgaengelighed"

[markup.goldmark.renderer]
  unsafe = false
"""

BASEOF = """\
<!DOCTYPE html>
<html lang="da">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ block "title" . }}{{ site.Title }}{{ end }}</title>
<link rel="canonical" href="{{ .Permalink }}">
<link rel="stylesheet" href="{{ "assets/style.css" | relURL }}">
</head>
<body>
<a class="skip" href="#indhold">Gå til indhold</a>
<header><p class="site">{{ site.Title }}</p></header>
<main id="indhold">
{{ block "main" . }}{{ end }}
</main>
<footer>
<p>Udgivet af {{ site.Params.udgiver }}</p>
{{ with site.Params.tilgaengelighedserklaering }}<p><a href="{{ . }}">Tilgængelighedserklæring</a></p>{{ end }}
</footer>
</body>
</html>
"""

SINGLE = """\
{{ define "title" }}{{ .Title }} – {{ site.Title }}{{ end }}
{{ define "main" }}
{{ if .Params.kommune.eksempel }}<p class="eksempel" role="note">Eksempel: fiktive data, ikke en rigtig kommune.</p>{{ end }}
<h1>{{ .Title }}</h1>
<dl class="meta">
<dt>Analyse</dt><dd>{{ .Params.analyse.titel }}, {{ .Params.analyse.dato }}</dd>
{{ with .Params.status }}<dt>Status</dt><dd>{{ .titel }}, {{ .dato }}</dd>{{ end }}
</dl>
<article>
{{ .Content }}
</article>
{{ end }}
"""

HOME = """\
{{ define "main" }}
<h1>{{ site.Title }}</h1>
<table>
<caption>Kommuner</caption>
<thead><tr><th scope="col">Kommune</th><th scope="col">Analyse</th><th scope="col">Status</th></tr></thead>
<tbody>
{{ range site.RegularPages.ByTitle }}
<tr><th scope="row"><a href="{{ .RelPermalink }}">{{ .Title }}</a></th><td>{{ .Params.analyse.dato }}</td><td>{{ with .Params.status }}{{ .dato }}{{ else }}–{{ end }}</td></tr>
{{ end }}
</tbody>
</table>
{{ end }}
"""

# Headings shift one level down under the page's h1, as pejling does.
RENDER_HEADING = """\
{{ $l := add .Level 1 }}{{ if gt $l 6 }}{{ $l = 6 }}{{ end }}<h{{ $l }} id="{{ .Anchor | safeURL }}">{{ .Text | safeHTML }}</h{{ $l }}>
"""

RENDER_MAALING = """\
{{ $id := (.Inner | transform.Unmarshal).pejlemaerke }}
{{ $p := .Page }}
{{ $bearing := index (where site.Data.kriterier.pejlemaerker "id" $id) 0 }}
{{ $ms := slice ($p.Resources.GetMatch $p.Params.maaling | transform.Unmarshal) }}
{{ with $p.Params.status_maaling }}{{ $ms = $ms | append ($p.Resources.GetMatch . | transform.Unmarshal) }}{{ end }}
<figure class="maaling">
<table>
<caption>{{ $bearing.navn }}</caption>
<thead><tr><th scope="col">Kriterium</th>{{ range $ms }}<th scope="col">{{ if eq .type "statusmaaling" }}Pejling{{ else }}Sagsgennemgang{{ end }} {{ .dato }}</th>{{ end }}</tr></thead>
<tbody>
{{ range where site.Data.kriterier.kriterier "pejlemaerke" $id }}
{{ $c := . }}
<tr><th scope="row">{{ $c.tekst }} <small>({{ $c.lovgrundlag }})</small></th>
{{ range $ms }}{{ range where .resultater "kriterium" $c.id }}{{ $rel := add .opfyldt .ikke_opfyldt }}<td>{{ if gt $rel 0 }}{{ $pct := math.Round (mul 100 (div .opfyldt $rel)) }}{{ $pct }} % ({{ .opfyldt }} af {{ $rel }} sager)
<svg role="img" viewBox="0 0 100 8" width="100" height="8"><title>{{ $pct }} %</title><rect width="{{ $pct }}" height="8"></rect></svg>{{ else }}Ingen relevante sager{{ end }}</td>{{ end }}{{ end }}
</tr>
{{ end }}
</tbody>
</table>
</figure>
"""

STYLE_CSS = """\
body { font-family: system-ui, sans-serif; max-width: 50rem; margin: 0 auto; padding: 1rem; }
.skip { position: absolute; left: -999px; }
.skip:focus { left: 1rem; }
.eksempel { background: #fff3cd; padding: .5rem; }
table { border-collapse: collapse; }
th, td { border: 1px solid #ccc; padding: .25rem .5rem; text-align: left; }
svg rect { fill: #1f5f8b; }
"""


def hugo_front(navn, slug, a_front, s_front, a_path, s_path):
    def val(front, key):
        return next(l.split(": ", 1)[1] for l in front if l.startswith(key + ": "))
    lines = [
        f'title: "{navn}"',
        f"slug: {slug}",
        "kommune:",
        f'  navn: "{navn}"',
        "  eksempel: true",
        "analyse:",
        f'  titel: "{val(a_front, "titel")}"',
        f'  dato: "{val(a_front, "dato")}"',
        f"maaling: {a_path}",
    ]
    if s_front:
        lines += [
            "status:",
            f'  titel: "{val(s_front, "titel")}"',
            f'  dato: "{val(s_front, "dato")}"',
            f"status_maaling: {s_path}",
        ]
    return lines


def municipality(i, outdir, xlsx=False):
    rnd = random.Random(f"{SEED}-{i}")
    slug = f"bench-{i:05d}"
    navn = f"Benchby {i:05d}"
    kdir = os.path.join(outdir, "pejling", "content", "kommuner", slug)
    hdir = os.path.join(outdir, "hugo", "content", "kommuner", slug)

    write(os.path.join(kdir, "kommune.yml"),
          f"navn: {navn}\nhjemmeside: https://{slug}.example.dk\neksempel: true\n")

    a_date = datetime.date(rnd.randint(2013, 2021), rnd.randint(1, 12), rnd.randint(1, 28))
    a_meas_date = a_date - datetime.timedelta(days=rnd.randint(30, 90))
    a_path = f"maalinger/{a_meas_date.year}-sagsgennemgang.json"
    a_meas = measurement(rnd, "sagsgennemgang", a_meas_date)
    a_front, a_sections = analysis(rnd, navn, a_date, xlsx_path(a_path, xlsx))
    files = {a_path: dump_json(a_meas)}
    measurements = {a_path: a_meas}
    analyse_md = render(a_front, a_sections)
    write(os.path.join(kdir, "analyse.md"), analyse_md)

    s_front, s_path, status_body = None, None, ""
    if i % 2 == 1:  # every second municipality has a status report
        s_date = a_date + datetime.timedelta(days=rnd.randint(540, 730))
        s_meas_date = s_date - datetime.timedelta(days=rnd.randint(30, 60))
        s_path = f"maalinger/{s_meas_date.year}-statusmaaling.json"
        base = {r["kriterium"]: r for r in a_meas["resultater"]}
        measurements[s_path] = measurement(rnd, "statusmaaling", s_meas_date, base)
        files[s_path] = dump_json(measurements[s_path])
        s_front, s_sections = status(rnd, navn, s_date, xlsx_path(s_path, xlsx))
        status_md = render(s_front, s_sections)
        write(os.path.join(kdir, "status.md"), status_md)
        status_body = status_md.split("---\n", 2)[2]

    for rel, text in files.items():
        if xlsx:
            write_xlsx(os.path.join(kdir, xlsx_path(rel, True)),
                       case_review_xlsx(measurements[rel], f"{SEED}-{i}-{rel}"))
        else:
            write(os.path.join(kdir, rel), text)
        write(os.path.join(hdir, rel), text)

    # Hugo: one page per municipality, the analysis and (after a heading) the status
    # report's Markdown in one file, front matter carrying what the page header shows.
    body = analyse_md.split("---\n", 2)[2]
    if s_front:
        body += "\n# Statusrapport\n\n" + status_body
    if xlsx:  # Hugo reads the JSON copies
        a_front = [l.replace(".xlsx", ".json") for l in a_front]
        s_front = s_front and [l.replace(".xlsx", ".json") for l in s_front]
    front = hugo_front(navn, slug, a_front, s_front, a_path, s_path)
    write(os.path.join(hdir, "index.md"), "---\n" + "\n".join(front) + "\n---\n" + body)


def xlsx_path(path, xlsx):
    """A measurement's path as pejling's report names it: .xlsx with --xlsx."""
    return path[:-len(".json")] + ".xlsx" if xlsx else path


def main(argv):
    xlsx = "--xlsx" in argv[1:]
    argv = [a for a in argv if a != "--xlsx"]
    if len(argv) != 3 or not argv[1].isdigit() or int(argv[1]) < 1:
        sys.stderr.write("usage: generate_corpus.py [--xlsx] N OUTDIR\n")
        return 2
    n, outdir = int(argv[1]), argv[2]
    for sub in ("pejling", "hugo"):
        shutil.rmtree(os.path.join(outdir, sub), ignore_errors=True)

    content = os.path.join(outdir, "pejling", "content")
    write(os.path.join(content, "site.yml"), SITE_YML)
    write(os.path.join(content, "kriterier.yml"), kriterier_yml())

    hugo = os.path.join(outdir, "hugo")
    write(os.path.join(hugo, "hugo.toml"), HUGO_TOML)
    write(os.path.join(hugo, "data", "kriterier.yml"), kriterier_yml())
    write(os.path.join(hugo, "static", "assets", "style.css"), STYLE_CSS)
    layouts = os.path.join(hugo, "layouts")
    write(os.path.join(layouts, "_default", "baseof.html"), BASEOF)
    write(os.path.join(layouts, "_default", "single.html"), SINGLE)
    write(os.path.join(layouts, "index.html"), HOME)
    write(os.path.join(layouts, "_default", "_markup", "render-heading.html"), RENDER_HEADING)
    write(os.path.join(layouts, "_default", "_markup", "render-codeblock-maaling.html"),
          RENDER_MAALING)

    for i in range(1, n + 1):
        municipality(i, outdir, xlsx)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
