#!/usr/bin/env python3
"""Makes the spreadsheet case reviews that the tests and the demo content read.

Run through scripts/make-spreadsheet-fixtures.sh, which provides openpyxl (a venv) and
LibreOffice Calc (headless). Each case review is made from a measurement JSON file: every
criterion column gets exactly the JSON's counts of 'opfyldt', 'ikke opfyldt' and
'ikke relevant', in an order fixed by a seeded shuffle, so the tests can prove that pejling
counts the grid back to the same figures.

    make-spreadsheet-fixtures.py FIXTURES_DIR DEMO_DIR

Writes nothing but the files named below; the output is committed.
"""
import csv
import datetime
import io
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import zipfile

import openpyxl
from openpyxl.utils.datetime import CALENDAR_MAC_1904
from openpyxl.worksheet.datavalidation import DataValidation

ANSWERS = ["opfyldt", "ikke opfyldt", "ikke relevant"]


def grid(measurement, seed, label=str):
    """The case review's rows: [[label, answer, answer, ...], ...] with the JSON's counts."""
    rng = random.Random(seed)
    n = measurement["antal_sager"]
    columns = []
    for result in measurement["resultater"]:
        column = (["opfyldt"] * result["opfyldt"] + ["ikke opfyldt"] * result["ikke_opfyldt"]
                  + ["ikke relevant"] * result["ikke_relevant"])
        assert len(column) == n, result
        rng.shuffle(column)
        columns.append(column)
    return [[label(i + 1)] + [column[i] for column in columns] for i in range(n)]


def header(measurement):
    return ["sag"] + [r["kriterium"] for r in measurement["resultater"]]


def load(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def iso_date(measurement):
    return datetime.date.fromisoformat(measurement["dato"])


# --- CSV -------------------------------------------------------------------------------

def write_csv(path, measurement, seed, *, delimiter, encoding, newline, date_text, label=str,
              notes=None, bom=False):
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator=newline, quoting=csv.QUOTE_MINIMAL)
    writer.writerow(["type", measurement["type"]])
    writer.writerow(["dato", date_text])
    writer.writerow([])
    head = header(measurement)
    rows = grid(measurement, seed, label)
    if notes:
        head = head + ["", "Noter"]
        rows = [row + ["", notes.get(i, "")] for i, row in enumerate(rows)]
    writer.writerow(head)
    for row in rows:
        writer.writerow(row)
    data = out.getvalue().encode(encoding)
    if bom:
        data = b"\xef\xbb\xbf" + data
    with open(path, "wb") as f:
        f.write(data)


# --- openpyxl --------------------------------------------------------------------------

def criterion_texts(path):
    """id → tekst from kriterier.yml (its simple layout: `- id:` then `tekst:` lines)."""
    texts, current = {}, None
    with open(path, encoding="utf-8") as f:
        for line in f:
            stripped = line.strip()
            if stripped.startswith("- id:"):
                current = stripped[5:].strip()
            elif stripped.startswith("tekst:") and current:
                texts[current] = stripped[6:].strip()
    return texts


def openpyxl_workbook(measurement, seed, *, label=str, date_format="yyyy-mm-dd", epoch1904=False, texts=None,
                      answer=lambda text, row, col: text, extra_sheet_first_in_file=False,
                      notes=False, totals=False):
    wb = openpyxl.Workbook()
    if epoch1904:
        wb.epoch = CALENDAR_MAC_1904
    ws = wb.active
    ws.title = "Sagsgennemgang"
    ws["A1"] = "type"
    ws["B1"] = measurement["type"]
    ws["A2"] = "dato"
    ws["B2"] = iso_date(measurement)
    ws["B2"].number_format = date_format
    ws["A3"] = "Kriterium:"
    head = header(measurement)
    for c, text in enumerate(head, start=1):
        ws.cell(row=4, column=c, value=text)
        if c > 1:
            ws.cell(row=3, column=c, value=(texts or {}).get(text, f"Tekst til {text}"))
    rows = grid(measurement, seed, label)
    for r, row in enumerate(rows, start=5):
        for c, text in enumerate(row, start=1):
            ws.cell(row=r, column=c, value=text if c == 1 else answer(text, r, c))
    last = len(head)
    if notes:
        # An empty header cell ends the grid; the reviewer's notes beyond it are ignored.
        ws.cell(row=4, column=last + 2, value="Noter")
        ws.cell(row=5, column=last + 2, value="Ring til rådgiveren")
    if totals:
        # An empty row ends the grid; the reviewer's own totals below it are ignored.
        r = 5 + len(rows) + 1
        ws.cell(row=r, column=1, value="I alt")
        for c in range(2, last + 1):
            ws.cell(row=r, column=c, value=7)
    dv = DataValidation(type="list", formula1='"opfyldt,ikke opfyldt,ikke relevant"', allow_blank=True)
    ws.add_data_validation(dv)
    dv.add(f"B5:{openpyxl.utils.get_column_letter(last)}{4 + len(rows)}")
    if extra_sheet_first_in_file:
        other = wb.create_sheet("Vejledning")
        other["A1"] = "type"
        other["B1"] = "noget andet"
    return wb


def swap_sheet_parts(path):
    """Stores the first sheet in tab order as xl/worksheets/sheet2.xml and the second as
    sheet1.xml, so a reader that takes sheet1.xml takes the wrong one."""
    with zipfile.ZipFile(path) as z:
        items = [(info, z.read(info.filename)) for info in z.infolist()]
    renamed = {"xl/worksheets/sheet1.xml": "xl/worksheets/sheet2.xml",
               "xl/worksheets/sheet2.xml": "xl/worksheets/sheet1.xml"}
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for info, data in items:
            name = renamed.get(info.filename, info.filename)
            if info.filename == "xl/_rels/workbook.xml.rels":
                text = data.decode()
                text = (text.replace("worksheets/sheet1.xml", "@@A").replace("worksheets/sheet2.xml", "worksheets/sheet1.xml")
                        .replace("@@A", "worksheets/sheet2.xml"))
                data = text.encode()
            if info.filename == "[Content_Types].xml":
                data = data  # both parts keep their content type
            zi = zipfile.ZipInfo(name, date_time=(2000, 1, 1, 0, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(zi, data)


# --- LibreOffice -----------------------------------------------------------------------

def soffice_convert(source, target_dir, infilter=None):
    """Converts `source` to xlsx with LibreOffice Calc, headless, in a throw-away profile."""
    with tempfile.TemporaryDirectory() as profile:
        command = ["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--calc",
                   "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", target_dir]
        if infilter:
            command.insert(-4, f"--infilter={infilter}")
        command.append(source)
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL, timeout=180)


# --- Hostile files ---------------------------------------------------------------------

CONTENT_TYPES = b"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/></Types>"""
PACKAGE_RELS = b"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"""
WORKBOOK = b"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Ark1" sheetId="1" r:id="rId1"/></sheets></workbook>"""
WORKBOOK_RELS = b"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>"""


def minimal_xlsx(path, sheet, shared_strings=b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>'):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        for name, data in [("[Content_Types].xml", CONTENT_TYPES), ("_rels/.rels", PACKAGE_RELS),
                           ("xl/workbook.xml", WORKBOOK), ("xl/_rels/workbook.xml.rels", WORKBOOK_RELS),
                           ("xl/sharedStrings.xml", shared_strings), ("xl/worksheets/sheet1.xml", sheet)]:
            zi = zipfile.ZipInfo(name, date_time=(2000, 1, 1, 0, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(zi, data)


SHEET_HEAD = b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
SHEET_TAIL = b"</sheetData></worksheet>"


def hostile(fixtures):
    # Billion laughs: ten levels of ten references in the shared strings.
    entities = ['<!ENTITY lol "lol">'] + [
        f'<!ENTITY lol{i} "{"".join(f"&lol{i - 1};" if i > 1 else "&lol;" for _ in range(10))}">' for i in range(1, 10)]
    laughs = ('<?xml version="1.0"?>\n<!DOCTYPE sst [' + "".join(entities) + ']>'
              '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>&lol9;</t></si></sst>').encode()
    sheet = SHEET_HEAD + b'<row r="1"><c r="A1" t="s"><v>0</v></c></row>' + SHEET_TAIL
    minimal_xlsx(os.path.join(fixtures, "hostile-entity-expansion.xlsx"), sheet, laughs)

    # A zip bomb: a sheet part of 80 MiB of spaces, about 80 KB packed.
    bomb = os.path.join(fixtures, "hostile-zip-bomb.xlsx")
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        for name, data in [("[Content_Types].xml", CONTENT_TYPES), ("_rels/.rels", PACKAGE_RELS),
                           ("xl/workbook.xml", WORKBOOK), ("xl/_rels/workbook.xml.rels", WORKBOOK_RELS)]:
            zi = zipfile.ZipInfo(name, date_time=(2000, 1, 1, 0, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(zi, data)
        zi = zipfile.ZipInfo("xl/worksheets/sheet1.xml", date_time=(2000, 1, 1, 0, 0, 0))
        zi.compress_type = zipfile.ZIP_DEFLATED
        with z.open(zi, "w", force_zip64=True) as part:
            part.write(SHEET_HEAD)
            block = b" " * (1 << 20)
            for _ in range(80):
                part.write(block)
            part.write(SHEET_TAIL)

    with open(os.path.join(fixtures, "not-a-workbook.xlsx"), "wb") as f:
        f.write(b'{"type": "sagsgennemgang"}\n')


def main():
    fixtures, demo = sys.argv[1], sys.argv[2]
    texts = criterion_texts(os.path.join(demo, "..", "..", "..", "kriterier.yml"))
    os.makedirs(fixtures, exist_ok=True)
    sources = {
        "strandvig-2024": load(os.path.join(fixtures, "strandvig-2024.json")),
        "strandvig-2025": load(os.path.join(fixtures, "strandvig-2025.json")),
        "egelund-2024": load(os.path.join(fixtures, "egelund-2024.json")),
    }
    s24, s25, e24 = sources["strandvig-2024"], sources["strandvig-2025"], sources["egelund-2024"]

    # CSV as Danish Excel saves it: ';', Windows-1252, CRLF, DD-MM-YYYY; and as others do.
    write_csv(os.path.join(fixtures, "windows-1252-crlf.csv"), e24, 1, delimiter=";", encoding="cp1252",
              newline="\r\n", date_text=iso_date(e24).strftime("%d-%m-%Y"), label=lambda i: f"Sag {i}",
              notes={0: "Ændret afgørelse – se journal", 3: "Mødet blev flyttet; se notat"})
    write_csv(os.path.join(fixtures, "utf8-bom-semicolon.csv"), s24, 2, delimiter=";", encoding="utf-8",
              newline="\r\n", date_text=s24["dato"], bom=True)
    write_csv(os.path.join(fixtures, "utf8-comma-quoted.csv"), s25, 3, delimiter=",", encoding="utf-8",
              newline="\n", date_text=s25["dato"], label=lambda i: f"Sag {i}",
              notes={1: 'Rådgiver skiftet, "midlertidigt"', 4: "To linjer:\nførste, anden"})

    # openpyxl: shared strings, a date cell, several sheets with the first in tab order stored
    # as sheet2.xml, notes beyond the grid, totals below it, answers in any case with spaces.
    wb = openpyxl_workbook(s25, 3, label=lambda i: f"Sag {i}", notes=True, totals=True,
                           answer=lambda t, r, c: {0: t, 1: f"  {t.upper()} ", 2: t.capitalize()}[(r + c) % 3],
                           extra_sheet_first_in_file=True)
    path = os.path.join(fixtures, "openpyxl-strandvig-2025.xlsx")
    wb.save(path)
    swap_sheet_parts(path)

    # openpyxl: the 1904 date system and a Danish custom date format; case numbers as numbers.
    wb = openpyxl_workbook(e24, 1, label=lambda i: i, epoch1904=True, date_format='[$-406]d. mmmm yyyy;@')
    wb.save(os.path.join(fixtures, "openpyxl-1904-egelund-2024.xlsx"))

    # openpyxl: an answer written as a formula, saved without a cached value (openpyxl never
    # computes formulas) at D7.
    wb = openpyxl_workbook(s24, 2, answer=lambda t, r, c: f'=LOWER("{t.upper()}")' if (r, c) == (7, 4) else t)
    wb.save(os.path.join(fixtures, "openpyxl-formula-without-value.xlsx"))

    # LibreOffice Calc: formulas for every answer; LibreOffice computes them on load and saves
    # their cached strings (t="str"), its own shared strings and styles.
    wb = openpyxl_workbook(s24, 2, answer=lambda t, r, c: f'=LOWER("{t.upper()}")')
    with tempfile.TemporaryDirectory() as work:
        source = os.path.join(work, "libreoffice-formulas-strandvig-2024.xlsx")
        wb.save(source)
        out = os.path.join(work, "out")
        os.makedirs(out)
        soffice_convert(source, out)
        shutil.copy(os.path.join(out, os.path.basename(source)), fixtures)

        # LibreOffice Calc opening a ';' CSV: case numbers become number cells and the date
        # a date cell (serial number with LibreOffice's date format).
        source = os.path.join(work, "libreoffice-from-csv-strandvig-2025.csv")
        write_csv(source, s25, 3, delimiter=";", encoding="utf-8", newline="\n", date_text=s25["dato"])
        soffice_convert(source, out, infilter="CSV:59,34,76,1")
        shutil.copy(os.path.join(out, "libreoffice-from-csv-strandvig-2025.xlsx"), fixtures)

        # The demo municipality Strandvig: both case reviews as LibreOffice Calc saves them.
        for name, measurement, seed in [("2024-sagsgennemgang", s24, 2), ("2025-statusmaaling", s25, 3)]:
            wb = openpyxl_workbook(measurement, seed, label=lambda i: f"Sag {i}", texts=texts)
            source = os.path.join(work, name + ".xlsx")
            wb.save(source)
            soffice_convert(source, out)
            shutil.copy(os.path.join(out, name + ".xlsx"), demo)

    hostile(fixtures)


if __name__ == "__main__":
    main()
