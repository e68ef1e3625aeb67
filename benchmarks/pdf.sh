#!/usr/bin/env bash
# How long `pejling build --pdf` takes: on the demo content (content/, with drafts) and on
# 100 generated municipalities (benchmarks/generate_corpus.py), each as a first build into
# an empty folder, a rebuild with nothing changed (goal: <= 5 % of the first build) and a
# rebuild after one municipality's report changed. Also the same first build without --pdf,
# so that the PDFs' own share shows.
#
# Usage: benchmarks/pdf.sh                 (from anywhere; needs scripts/pdf-env.sh done)
#        PEJLING=path/to/pejling benchmarks/pdf.sh
# Writes the table to standard output and to benchmarks/results/pdf.md.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
pejling=${PEJLING:-}
if [[ -z $pejling ]]; then
  if [[ -x .build/release/pejling ]]; then pejling=.build/release/pejling; else pejling=.build/debug/pejling; fi
fi
[[ -x $pejling ]] || { echo "pdf.sh: no pejling binary at $pejling (swift build first)" >&2; exit 1; }
scripts/pdf-env.sh
work=$(mktemp -d "${TMPDIR:-/tmp}/pejling-pdf-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT
timer=/usr/bin/time
[[ -x $timer ]] || { echo "pdf.sh: needs GNU time (apt-get install time)" >&2; exit 1; }
# A copy of the templates: an edit to Templates/ during the run must not change the build's key.
cp -r Templates "$work/Templates"

seconds() {  # runs the command quietly; prints its wall time and CPU time (its own and its
             # engine processes', which it waits for) in seconds: "wall cpu"
  "$timer" -f '%e %U %S' -o "$work/time" "$@" >/dev/null 2>"$work/stderr" ||
    { echo "pdf.sh: failed: $*" >&2; cat "$work/stderr" >&2; exit 1; }
  python3 -c "w, u, s = map(float, open('$work/time').read().split()[-3:]); print(f'{w:.2f} {u + s:.2f}')"
}

measure() {  # label content extra-args...
  local label=$1 content=$2
  shift 2
  local out="$work/out-$label" count plain first again one
  count=$(find "$content/kommuner" -mindepth 1 -maxdepth 1 -type d | wc -l)
  plain=$(seconds "$pejling" build --content "$content" --templates "$work/Templates" --output "$work/plain-$label" "$@")
  first=$(seconds "$pejling" build --content "$content" --templates "$work/Templates" --output "$out" --pdf "$@")
  again=$(seconds "$pejling" build --content "$content" --templates "$work/Templates" --output "$out" --pdf "$@")
  local changed
  changed=$(find "$content/kommuner" -mindepth 1 -maxdepth 1 -type d | sort | head -1)
  printf '\nEn sætning mere til benchmarken.\n' >>"$changed/analyse.md"
  one=$(seconds "$pejling" build --content "$content" --templates "$work/Templates" --output "$out" --pdf "$@")
  python3 - "$label" "$count" $plain $first $again $one <<'ROW'
import sys
label, count = sys.argv[1], int(sys.argv[2])
plain_w, plain_c, first_w, first_c, again_w, again_c, one_w, one_c = map(float, sys.argv[3:])
print(f"| {label} | {count} | {plain_w:.2f} ({plain_c:.2f}) | {first_w:.2f} ({first_c:.2f}) "
      f"| {(first_c - plain_c) / count:.2f} | {again_w:.2f} ({100 * again_w / first_w:.2f} %) | {one_w:.2f} ({one_c:.2f}) |")
ROW
}

cp -r content "$work/demo"
cat <<TABLE | tee benchmarks/results/pdf.md
# build --pdf

$(date -u +%Y-%m-%d), $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')), load $(cut -d' ' -f1-3 /proc/loadavg),
pejling $(git rev-parse --short HEAD) ($pejling), WeasyPrint $(.venv-pdf/bin/python -c 'import weasyprint; print(weasyprint.__version__)'), --jobs $(nproc).
Seconds of wall time, with CPU time (user + system, pejling and its engine processes) in
brackets; the PDF time per municipality is the CPU time that --pdf adds, divided by the count.

| Content | Municipalities | Build without --pdf | First build with --pdf | PDF CPU time per municipality | No-change rebuild with --pdf (share of first) | One municipality changed |
|---|---|---|---|---|---|---|
$(measure demo "$work/demo" --drafts)
$(python3 benchmarks/generate_corpus.py 100 "$work/corpus100" >/dev/null && measure 100 "$work/corpus100/pejling/content")
TABLE
