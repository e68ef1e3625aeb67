#!/usr/bin/env bash
# Sets up the PDF engine of `pejling build --pdf`, and does nothing that is already done:
#   - Debian packages: the libraries WeasyPrint draws with (Pango, HarfBuzz's subsetter),
#     the fonts the PDF embeds (fonts-liberation, fonts-dejavu-core) and poppler-utils
#     (pdfinfo, pdffonts, pdftotext for the PDF tests), installed with apt-get when missing;
#   - a virtualenv .venv-pdf/ at the repository root with Python >= 3.10;
#   - scripts/pdf-requirements.txt (WeasyPrint 70.0, pinned) installed into it, again only
#     when that file (or the venv's Python) changed since the last successful install.
# The steps are scripts/lib/env-setup.sh's, shared with scripts/browser-env.sh.
# pejling finds .venv-pdf/bin/python by itself (or PEJLING_PDF_PYTHON names another).
# Quiet on success; on failure it says what failed and shows the tool's output.
#
# Usage: scripts/pdf-env.sh            (from anywhere; `make pdf-env` runs it)
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
source "$repo/scripts/lib/env-setup.sh"
env_begin pdf-env

# --- Debian packages -------------------------------------------------------------
missing=()
for package in libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-liberation fonts-dejavu-core poppler-utils; do
  env_package_missing "$package" && missing+=("$package")
done
env_apt_install "${missing[@]}"

# --- Python >= 3.10 and WeasyPrint 70.0 -------------------------------------------
env_python_venv "$repo/.venv-pdf" 10 "$repo/scripts/pdf-requirements.txt" \
  'import weasyprint, pikepdf; assert weasyprint.__version__ == "70.0"'
