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

seconds() {  # runs the command quietly, prints its wall time in seconds
  local start end
  start=$(date +%s.%N)
  "$@" >/dev/null 2>"$work/stderr" || { echo "pdf.sh: failed: $*" >&2; cat "$work/stderr" >&2; exit 1; }
  end=$(date +%s.%N)
  python3 -c "print(f'{$end - $start:.2f}')"
}

measure() {  # label content extra-args...
  local label=$1 content=$2
  shift 2
  local out="$work/out-$label" count plain first again one share
  count=$(find "$content/kommuner" -mindepth 1 -maxdepth 1 -type d | wc -l)
  plain=$(seconds "$pejling" build --content "$content" --templates Templates --output "$work/plain-$label" "$@")
  first=$(seconds "$pejling" build --content "$content" --templates Templates --output "$out" --pdf "$@")
  again=$(seconds "$pejling" build --content "$content" --templates Templates --output "$out" --pdf "$@")
  local changed
  changed=$(find "$content/kommuner" -mindepth 1 -maxdepth 1 -type d | sort | head -1)
  printf '\nEn sætning mere til benchmarken.\n' >>"$changed/analyse.md"
  one=$(seconds "$pejling" build --content "$content" --templates Templates --output "$out" --pdf "$@")
  share=$(python3 -c "print(f'{100 * $again / $first:.1f}')")
  local per
  per=$(python3 -c "print(f'{($first - $plain) / $count:.2f}')")
  echo "| $label | $count | $plain | $first | $per | $again ($share %) | $one |"
}

cp -r content "$work/demo"
cat <<TABLE | tee benchmarks/results/pdf.md
# build --pdf

$(date -u +%Y-%m-%d), $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')), load $(cut -d' ' -f1-3 /proc/loadavg),
pejling $(git rev-parse --short HEAD) ($pejling), WeasyPrint $(.venv-pdf/bin/python -c 'import weasyprint; print(weasyprint.__version__)'). Seconds of wall time, --jobs $(nproc).

| Content | Municipalities | Build without --pdf | First build with --pdf | PDF time per municipality | No-change rebuild with --pdf (share of first) | One municipality changed |
|---|---|---|---|---|---|---|
$(measure demo "$work/demo" --drafts)
$(python3 benchmarks/generate_corpus.py 100 "$work/corpus100" >/dev/null && measure 100 "$work/corpus100/pejling/content")
TABLE
