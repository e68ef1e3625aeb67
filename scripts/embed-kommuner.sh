#!/usr/bin/env bash
# Regenerates Sources/PejlingKit/Configuration/MunicipalityRegistry+List.swift from a
# kommuner.tsv (columns: kode, navn, region; a header line first).
set -euo pipefail
tsv=${1:?usage: scripts/embed-kommuner.sh kommuner.tsv}
out="$(dirname "$0")/../Sources/PejlingKit/Configuration/MunicipalityRegistry+List.swift"
{
  echo '// The 98 Danish municipalities and their official codes (kommunekoder), embedded from'
  echo '// shared/data/kommuner.tsv so that a build needs no file outside the content.'
  echo '// Regenerate with: scripts/embed-kommuner.sh path/to/kommuner.tsv'
  echo
  echo 'extension MunicipalityRegistry {'
  echo '    /// The 98 municipalities: code, name without " Kommune", region.'
  echo '    public static let all: [RegisteredMunicipality] = ['
  tail -n +2 "$tsv" | while IFS=$'\t' read -r kode navn region; do
    printf '        RegisteredMunicipality(code: %s, name: "%s", region: "%s"),\n' "$kode" "$navn" "$region"
  done
  echo '    ]'
  echo '}'
} > "$out"
