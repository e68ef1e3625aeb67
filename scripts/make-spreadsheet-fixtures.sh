#!/usr/bin/env bash
# Makes the spreadsheet case reviews committed under Tests/PejlingKitTests/Spreadsheet/Fixtures/
# and the demo municipality Strandvig's case reviews (content/kommuner/strandvig/maalinger/*.xlsx),
# with the tools the staff use: LibreOffice Calc (headless) and openpyxl.
#
#   scripts/make-spreadsheet-fixtures.sh
#
# Installs what is missing: Debian's libreoffice-calc-nogui (apt-get) and openpyxl 3.1.5 in a
# venv under $TMPDIR. Not part of `make test`: the tests read the committed files. Run it again
# only to change the fixtures, then review `git diff --stat` (xlsx files are zip; LibreOffice
# writes its version into them).
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
fixtures="$repo/Tests/PejlingKitTests/Spreadsheet/Fixtures"
demo="$repo/content/kommuner/strandvig/maalinger"
venv="${TMPDIR:-/tmp}/pejling-fixtures-venv"

if ! command -v soffice >/dev/null 2>&1; then
  sudo=()
  [[ $(id -u) != 0 ]] && sudo=(sudo)
  "${sudo[@]}" apt-get update -q
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -q libreoffice-calc-nogui
fi
if ! "$venv/bin/python" -c 'import openpyxl' >/dev/null 2>&1; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q openpyxl==3.1.5
fi
"$venv/bin/python" "$repo/scripts/make-spreadsheet-fixtures.py" "$fixtures" "$demo"
echo "Fixtures in ${fixtures#"$repo"/}, demo case reviews in ${demo#"$repo"/}."
