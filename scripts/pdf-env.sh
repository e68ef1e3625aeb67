#!/usr/bin/env bash
# Sets up the PDF engine of `pejling build --pdf`, and does nothing that is already done:
#   - Debian packages: the libraries WeasyPrint draws with (Pango, HarfBuzz's subsetter),
#     the fonts the PDF embeds (fonts-liberation, fonts-dejavu-core) and poppler-utils
#     (pdfinfo, pdffonts, pdftotext for the PDF tests), installed with apt-get when missing;
#   - a virtualenv .venv-pdf/ at the repository root with Python >= 3.10;
#   - scripts/pdf-requirements.txt (WeasyPrint 70.0, pinned) installed into it, again only
#     when that file (or the venv's Python) changed since the last successful install.
# pejling finds .venv-pdf/bin/python by itself (or PEJLING_PDF_PYTHON names another).
# Quiet on success; on failure it says what failed and shows the tool's output.
#
# Usage: scripts/pdf-env.sh            (from anywhere; `make pdf-env` runs it)
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
venv="$repo/.venv-pdf"
requirements="$repo/scripts/pdf-requirements.txt"
stamp="$venv/.pdf-requirements.stamp"
log=$(mktemp "${TMPDIR:-/tmp}/pdf-env.XXXXXX")
trap 'rm -f "$log"' EXIT

fail() {
  echo "pdf-env: $*" >&2
  if [[ -s $log ]]; then
    echo "---- output ----" >&2
    tail -n 60 "$log" >&2
  fi
  exit 1
}

# --- Debian packages -------------------------------------------------------------
missing=()
for package in libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-liberation fonts-dejavu-core poppler-utils; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if ((${#missing[@]})); then
  sudo=()
  if [[ $(id -u) != 0 ]]; then
    command -v sudo >/dev/null 2>&1 || fail "need root (or sudo) to install: ${missing[*]}"
    sudo=(sudo)
  fi
  "${sudo[@]}" apt-get update -q >"$log" 2>&1 || fail "apt-get update failed"
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -q "${missing[@]}" >"$log" 2>&1 ||
    fail "apt-get install ${missing[*]} failed"
fi

# --- Python >= 3.10 ----------------------------------------------------------------
is_usable_python() {
  "$1" -c 'import sys, venv, ensurepip; sys.exit(0 if sys.version_info >= (3, 10) else 1)' >/dev/null 2>&1
}

find_python() {
  local candidates=() pyenv_cmd="" root v prefix
  if command -v pyenv >/dev/null 2>&1; then
    pyenv_cmd=pyenv
  elif [[ -x ${PYENV_ROOT:-$HOME/.pyenv}/bin/pyenv ]]; then
    pyenv_cmd=${PYENV_ROOT:-$HOME/.pyenv}/bin/pyenv
  fi
  if [[ -n $pyenv_cmd ]]; then
    for v in 3.12 3.13 3.11 3.10 3.14; do
      if prefix=$("$pyenv_cmd" prefix "$v" 2>/dev/null); then
        candidates+=("$prefix/bin/python3")
      fi
    done
    if root=$("$pyenv_cmd" root 2>/dev/null) && [[ -d $root/versions ]]; then
      for prefix in "$root"/versions/3.1[0-9]*; do
        [[ -x $prefix/bin/python3 ]] && candidates+=("$prefix/bin/python3")
      done
    fi
  fi
  for v in python3.12 python3.13 python3.11 python3.10 python3.14 python3; do
    command -v "$v" >/dev/null 2>&1 && candidates+=("$(command -v "$v")")
  done
  for v in "${candidates[@]}"; do
    if is_usable_python "$v"; then
      echo "$v"
      return 0
    fi
  done
  return 1
}

if ! [[ -x $venv/bin/python ]] || ! is_usable_python "$venv/bin/python"; then
  python=$(find_python) ||
    fail "no Python >= 3.10 with venv found (looked in pyenv, python3.10 … python3.14, python3)"
  rm -rf "$venv"
  "$python" -m venv "$venv" >"$log" 2>&1 || fail "could not create $venv with $python"
fi

# --- Python packages -----------------------------------------------------------------
want=$( { sha256sum "$requirements" | cut -d' ' -f1; "$venv/bin/python" -VV; } | tr '\n' ' ')
if [[ ! -f $stamp || $(cat "$stamp") != "$want" ]]; then
  rm -f "$stamp"
  "$venv/bin/python" -m pip install -q --disable-pip-version-check -r "$requirements" >"$log" 2>&1 ||
    fail "pip install -r scripts/pdf-requirements.txt failed"
  "$venv/bin/python" -c 'import weasyprint, pikepdf; assert weasyprint.__version__ == "70.0"' >"$log" 2>&1 ||
    fail "WeasyPrint 70.0 does not import from $venv"
  echo "$want" >"$stamp"
fi
