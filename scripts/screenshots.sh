#!/usr/bin/env bash
# Makes the README's screenshots with headless Chromium from the demo content:
#   docs/skaermbillede-desktop.png   a municipality page at 1280 px
#   docs/skaermbillede-mobil.png     the same page at 390 px (a phone)
# Usage: scripts/screenshots.sh [SLUG]   (default: egelund, which has both reports)
# Needs a built pejling (swift build) and chromium (scripts/browser-env.sh installs it).
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
slug=${1:-egelund}
pejling="$repo/.build/debug/pejling"
[[ -x $pejling ]] || { echo "screenshots: build first (swift build)" >&2; exit 1; }
command -v chromium >/dev/null || { echo "screenshots: chromium is missing (scripts/browser-env.sh)" >&2; exit 1; }

work=$(mktemp -d "${TMPDIR:-/tmp}/pejling-screenshots.XXXXXX")
trap 'rm -rf "$work"' EXIT
"$pejling" build --content "$repo/content" --templates "$repo/Templates" --output "$work/site" >"$work/log" 2>&1 ||
  { cat "$work/log" >&2; exit 1; }

shoot() { # width height file
  chromium --headless=new --no-sandbox --disable-gpu --hide-scrollbars --force-device-scale-factor=1 \
    --window-size="$1,$2" --screenshot="$3" "file://$work/site/$slug/index.html" >/dev/null 2>&1
  [[ -s $3 ]] || { echo "screenshots: chromium made no $3" >&2; exit 1; }
}
shoot 1280 2000 "$repo/docs/skaermbillede-desktop.png"
shoot 390 1500 "$repo/docs/skaermbillede-mobil.png"
echo "Wrote docs/skaermbillede-desktop.png and docs/skaermbillede-mobil.png"
