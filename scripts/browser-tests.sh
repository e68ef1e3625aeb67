#!/usr/bin/env bash
# Runs the browser tests (Tests/browser) on a built output folder:
# axe-core (WCAG 2.1 A/AA) and 320 px reflow in headless Chromium, the Nu Html
# Checker, and a self-test of the tooling on Tests/browser/samples.
#
# Usage: scripts/browser-tests.sh [OUTPUT_FOLDER] [PYTEST_ARGS...]
#   OUTPUT_FOLDER defaults to `output` (relative to the current directory).
#   e.g. scripts/browser-tests.sh output -k reflow
# Sets up the tools first (scripts/browser-env.sh, a no-op when done). Exits with
# pytest's status: 0 when every test passed, non-zero otherwise.
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
out=${1:-output}
[[ $out == /* ]] || out="$PWD/$out"
(($# > 0)) && shift

"$repo/scripts/browser-env.sh"
cd "$repo"
PEJLING_OUTPUT="$out" exec .venv/bin/python -m pytest -q Tests/browser "$@"
