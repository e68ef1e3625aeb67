#!/usr/bin/env python3
"""Validate measurement files against schemas/maaling.schema.json.

Checks, each counted as one pass or failure:

- the schema itself is a valid draft 2020-12 schema;
- every content/kommuner/*/maalinger/*.json and every *.json under
  Tests/PejlingKitTests/Fixtures/valid-measurements/ (where present) is strict JSON
  and valid against the schema;
- the documents in VALID below are accepted and those in INVALID rejected, so that a
  schema that accepts everything fails this test;
- the documents in SCHEMA_ONLY are accepted: they break rules that JSON Schema cannot
  express and only `pejling check` enforces (schemas/README.md says which).

Prints every failure, then 'N passed, M failed'; exits 1 on any failure.

Usage: python3 Tests/schema/validate_measurements.py [--root DIR]
"""

import argparse
import copy
import json
import sys
from pathlib import Path

try:
    from jsonschema import Draft202012Validator
    from jsonschema.exceptions import SchemaError
except ImportError:  # pragma: no cover - depends on the machine
    print("error: the 'jsonschema' package is needed: python3 -m pip install jsonschema", file=sys.stderr)
    sys.exit(1)


BASE = {
    "type": "sagsgennemgang",
    "dato": "2015-04-01",
    "antal_sager": 20,
    "resultater": [
        {"kriterium": "undersoegelse-rettidig", "opfyldt": 6, "ikke_opfyldt": 11, "ikke_relevant": 3},
        {"kriterium": "boernesamtale", "opfyldt": 12, "ikke_opfyldt": 2, "ikke_relevant": 6},
    ],
}


def variant(change):
    """BASE with `change` applied to a deep copy."""
    document = copy.deepcopy(BASE)
    change(document)
    return document


def without(key):
    return lambda d: d.pop(key)


def setting(key, value):
    return lambda d: d.__setitem__(key, value)


def setting_result(key, value):
    return lambda d: d["resultater"][0].__setitem__(key, value)


VALID = {
    "the example": BASE,
    "a status measurement": variant(setting("type", "statusmaaling")),
    "with $schema": variant(setting("$schema", "../../../../schemas/maaling.schema.json")),
    "empty resultater (a warning in pejling)": variant(setting("resultater", [])),
    "antal_sager 18 (a warning in pejling)": variant(setting("antal_sager", 18)),
    "a criterion with no relevant case": variant(
        setting("resultater", [{"kriterium": "x", "opfyldt": 0, "ikke_opfyldt": 0, "ikke_relevant": 20}])
    ),
    "100.000 cases, the most pejling computes": variant(
        lambda d: (d.__setitem__("antal_sager", 100000),
                   d.__setitem__("resultater", [{"kriterium": "x", "opfyldt": 100000, "ikke_opfyldt": 0, "ikke_relevant": 0}]))
    ),
}

INVALID = {
    "not an object": [BASE],
    "missing type": variant(without("type")),
    "missing dato": variant(without("dato")),
    "missing antal_sager": variant(without("antal_sager")),
    "missing resultater": variant(without("resultater")),
    "unknown top-level key": variant(setting("kommentar", "x")),
    "type not one of the two": variant(setting("type", "slutmaaling")),
    "type not a string": variant(setting("type", 1)),
    "dato without leading zeros": variant(setting("dato", "2015-4-1")),
    "dato in month 13": variant(setting("dato", "2015-13-01")),
    "dato with a time": variant(setting("dato", "2015-04-01T12:00:00")),
    "dato as a number": variant(setting("dato", 20150401)),
    "dato that does not exist (format: date, checked here)": variant(setting("dato", "2015-02-30")),
    "antal_sager 0": variant(setting("antal_sager", 0)),
    "antal_sager negative": variant(setting("antal_sager", -1)),
    "antal_sager 2.5": variant(setting("antal_sager", 2.5)),
    "antal_sager in quotes": variant(setting("antal_sager", "20")),
    "antal_sager true": variant(setting("antal_sager", True)),
    "antal_sager above 100.000": variant(setting("antal_sager", 100001)),
    "antal_sager 1.5 billion": variant(setting("antal_sager", 1500000000)),
    "resultater not an array": variant(setting("resultater", {})),
    "a result that is not an object": variant(setting("resultater", [3])),
    "a result without ikke_relevant": variant(lambda d: d["resultater"][0].pop("ikke_relevant")),
    "a result with an unknown key": variant(setting_result("note", "x")),
    "opfyldt negative": variant(setting_result("opfyldt", -1)),
    "opfyldt 2.5": variant(setting_result("opfyldt", 2.5)),
    "opfyldt in quotes": variant(setting_result("opfyldt", "6")),
    "opfyldt null": variant(setting_result("opfyldt", None)),
    "opfyldt above 100.000": variant(setting_result("opfyldt", 100001)),
    "ikke_opfyldt 1.5 billion": variant(setting_result("ikke_opfyldt", 1500000000)),
    "kriterium empty": variant(setting_result("kriterium", "")),
    "kriterium a number": variant(setting_result("kriterium", 7)),
}

# Rules that JSON Schema cannot express; only `pejling check` rejects these.
SCHEMA_ONLY = {
    "counts that do not add up": variant(setting_result("opfyldt", 5)),
    "a criterion twice": variant(lambda d: d["resultater"][1].__setitem__("kriterium", "undersoegelse-rettidig")),
}


class StrictJSONError(ValueError):
    pass


def reject_duplicates(pairs):
    seen = {}
    for key, value in pairs:
        if key in seen:
            raise StrictJSONError(f"duplicate key {key!r}")
        seen[key] = value
    return seen


def reject_constant(name):
    raise StrictJSONError(f"{name} is not valid JSON")


def load_strict(path):
    """Parses a file as pejling does: UTF-8 (BOM allowed), no duplicate keys, no NaN."""
    text = path.read_bytes().decode("utf-8-sig")
    return json.loads(text, object_pairs_hook=reject_duplicates, parse_constant=reject_constant)


def describe(error):
    where = "/".join(str(part) for part in error.absolute_path) or "(root)"
    return f"{where}: {error.message}"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=Path(__file__).resolve().parents[2],
                        help="the project folder (default: two folders above this script)")
    args = parser.parse_args()
    root = args.root

    passed = 0
    failures = []

    def check(ok, name, detail=""):
        nonlocal passed
        if ok:
            passed += 1
        else:
            failures.append(f"{name}: {detail}" if detail else name)

    schema_path = root / "schemas" / "maaling.schema.json"
    try:
        schema = load_strict(schema_path)
        Draft202012Validator.check_schema(schema)
    except (OSError, ValueError, SchemaError) as error:
        print(f"FAIL {schema_path}: {error}", file=sys.stderr)
        print("0 passed, 1 failed")
        return 1
    check(True, "schema")
    validator = Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)

    files = sorted(root.glob("content/kommuner/*/maalinger/*.json"))
    fixtures = root / "Tests" / "PejlingKitTests" / "Fixtures" / "valid-measurements"
    if fixtures.is_dir():
        files += sorted(fixtures.rglob("*.json"))
    if not files:
        print("note: no measurement files found yet; checking the built-in documents only")
    for path in files:
        name = str(path.relative_to(root))
        try:
            document = load_strict(path)
        except (OSError, ValueError) as error:
            check(False, name, f"not strict JSON: {error}")
            continue
        errors = sorted(validator.iter_errors(document), key=lambda e: list(map(str, e.absolute_path)))
        check(not errors, name, "; ".join(describe(e) for e in errors))

    for name, document in VALID.items():
        errors = list(validator.iter_errors(document))
        check(not errors, f"valid document '{name}'", "; ".join(describe(e) for e in errors))
    for name, document in SCHEMA_ONLY.items():
        errors = list(validator.iter_errors(document))
        check(not errors, f"schema-only document '{name}' (rejected only by pejling check)",
              "; ".join(describe(e) for e in errors))
    for name, document in INVALID.items():
        check(not validator.is_valid(document), f"invalid document '{name}'", "the schema accepts it")

    for failure in failures:
        print(f"FAIL {failure}", file=sys.stderr)
    print(f"{passed} passed, {len(failures)} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
