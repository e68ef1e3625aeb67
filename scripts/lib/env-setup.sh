# Shared by scripts/browser-env.sh and scripts/pdf-env.sh (sourced, not run): what both do
# to set up a tool environment, and nothing that is already done.
#
#   env_begin NAME                    messages say NAME; a log file for the tools' output
#   env_apt_install PACKAGE ...       apt-get update + install of the packages given (none: nothing)
#   env_package_missing PACKAGE       true when dpkg does not have PACKAGE installed
#   env_python_venv VENV MINOR REQUIREMENTS CHECK
#       VENV made with the first Python >= 3.MINOR that has venv (pyenv's versions first, then
#       python3.12 … python3.14 and python3 on PATH); REQUIREMENTS installed into it only when
#       that file or the venv's Python changed since the last successful install (a stamp file
#       in VENV); CHECK, Python code, must then run in the venv.

env_begin() {
  env_name=$1
  env_log=$(mktemp "${TMPDIR:-/tmp}/$env_name.XXXXXX")
  trap 'rm -f "$env_log"' EXIT
}

# Says what failed, with the end of the tool's output, and stops.
fail() {
  echo "$env_name: $*" >&2
  if [[ -s $env_log ]]; then
    echo "---- output ----" >&2
    tail -n 60 "$env_log" >&2
  fi
  exit 1
}

env_package_missing() {
  ! dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'
}

env_apt_install() {
  (($#)) || return 0
  local sudo=()
  if [[ $(id -u) != 0 ]]; then
    command -v sudo >/dev/null 2>&1 || fail "need root (or sudo) to install: $*"
    sudo=(sudo)
  fi
  "${sudo[@]}" apt-get update -q >"$env_log" 2>&1 || fail "apt-get update failed"
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -q "$@" >"$env_log" 2>&1 ||
    fail "apt-get install $* failed"
}

# True when $1 is a Python >= 3.$2 with venv.
env_usable_python() {
  "$1" -c "import sys, venv, ensurepip; sys.exit(0 if sys.version_info >= (3, $2) else 1)" >/dev/null 2>&1
}

# Prints the path of the first usable Python >= 3.$1.
env_find_python() {
  local minor=$1 candidates=() pyenv_cmd="" root v prefix
  if command -v pyenv >/dev/null 2>&1; then
    pyenv_cmd=pyenv
  elif [[ -x ${PYENV_ROOT:-$HOME/.pyenv}/bin/pyenv ]]; then
    pyenv_cmd=${PYENV_ROOT:-$HOME/.pyenv}/bin/pyenv
  fi
  if [[ -n $pyenv_cmd ]]; then
    for v in 3.12 3.13 3.11 3.10 3.14; do
      ((${v#3.} >= minor)) || continue
      if prefix=$("$pyenv_cmd" prefix "$v" 2>/dev/null); then
        candidates+=("$prefix/bin/python3")
      fi
    done
    # Older pyenv does not resolve "3.12" to 3.12.x: look in its versions folder.
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
    if env_usable_python "$v" "$minor"; then
      echo "$v"
      return 0
    fi
  done
  return 1
}

env_python_venv() {
  local venv=$1 minor=$2 requirements=$3 check=$4 python want stamp="$1/.requirements.stamp"
  if ! [[ -x $venv/bin/python ]] || ! env_usable_python "$venv/bin/python" "$minor"; then
    python=$(env_find_python "$minor") ||
      fail "no Python >= 3.$minor with venv found (looked in pyenv, python3.10 … python3.14, python3)"
    rm -rf "$venv"
    "$python" -m venv "$venv" >"$env_log" 2>&1 || fail "could not create $venv with $python"
  fi
  [[ -f $requirements ]] || fail "missing $requirements"
  want=$( { sha256sum "$requirements" | cut -d' ' -f1; "$venv/bin/python" -VV; } | tr '\n' ' ')
  if [[ ! -f $stamp || $(cat "$stamp") != "$want" ]]; then
    rm -f "$stamp"
    "$venv/bin/python" -m pip install -q --disable-pip-version-check -r "$requirements" >"$env_log" 2>&1 ||
      fail "pip install -r $requirements failed"
    "$venv/bin/python" -c "$check" >"$env_log" 2>&1 || fail "the packages of $requirements do not import in $venv"
    echo "$want" >"$stamp"
  fi
}
