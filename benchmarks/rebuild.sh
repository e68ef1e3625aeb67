#!/usr/bin/env bash
# The four rebuild figures of benchmarks/README.md ("Rebuilds"), on one generated corpus with the
# output on tmpfs: a full build (pejling and Hugo, taking turns), a rebuild with nothing changed,
# a rebuild after one report changed — the first after a full build (no kept output yet: every
# unchanged file is linked) and the next (staged in the kept output, as every later one) — and
# peak memory. CPU time (user + system) beside wall time.
#
#   benchmarks/rebuild.sh [N] [RUNS]       N municipalities (default 10000), RUNS of each (default 3)
#   PEJLING=path benchmarks/rebuild.sh     another binary (default .build/release/pejling)
#
# It writes the corpus once to /dev/shm (benchmarks/generate_corpus.py) and prints a Markdown table.
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-10000}
runs=${2:-3}
pejling=${PEJLING:-.build/release/pejling}
[[ -x $pejling ]] || { echo "rebuild.sh: $pejling is missing (swift build -c release --product pejling)" >&2; exit 2; }
command -v hugo >/dev/null || { echo "rebuild.sh: hugo is missing (apt-get install hugo)" >&2; exit 2; }
scratch=/dev/shm/pejling-rebuild-$n
corpus=$scratch/corpus
if [[ ! -f $corpus/.done || benchmarks/generate_corpus.py -nt $corpus/.done ]]; then
  rm -rf "$corpus"
  python3 benchmarks/generate_corpus.py "$n" "$corpus" >/dev/null
  touch "$corpus/.done"
fi
bin=$scratch/pejling
cp "$pejling" "$bin"
content=$corpus/pejling/content
templates=$PWD/Templates
out=$scratch/out

# One timed command: prints "wall cpu peak-KB".
timed() {
  /usr/bin/time -o "$scratch/time" -f "%e %U %S %M" "$@" >/dev/null 2>&1 || { echo "rebuild.sh: failed: $*" >&2; exit 1; }
  awk '{ printf "%.2f %.2f %d\n", $1, $2 + $3, $4 }' "$scratch/time"
}
build() { timed "$bin" build --content "$content" --templates "$templates" --output "$out"; }
median() { sort -n | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }

declare -a full_wall full_cpu hugo_wall hugo_cpu none_wall none_cpu one_wall one_cpu two_wall two_cpu peak
for ((i = 1; i <= runs; i++)); do
  rm -rf "$out" "$scratch/.out.pejling-stat" "$scratch/.out.pejling-kept" "$scratch/hugo-out"
  read -r w c _ < <(timed hugo --quiet --source "$corpus/hugo" --destination "$scratch/hugo-out")
  hugo_wall+=("$w"); hugo_cpu+=("$c")
  read -r w c m < <(build)
  full_wall+=("$w"); full_cpu+=("$c"); peak+=("$m")
  read -r w c _ < <(build)
  none_wall+=("$w"); none_cpu+=("$c")
  # One report changed: a sentence appended to a different municipality's analysis each run.
  report=$(printf '%s/kommuner/bench-%05d/analyse.md' "$content" "$i")
  printf '\nEn sætning mere (%s).\n' "$i" >>"$report"
  read -r w c _ < <(build)
  one_wall+=("$w"); one_cpu+=("$c")
  # And another municipality's, staged in the output the first rebuild kept.
  report=$(printf '%s/kommuner/bench-%05d/analyse.md' "$content" "$(( (i + n / 2 - 1) % n + 1 ))")
  printf '\nEn sætning mere (%s).\n' "$i" >>"$report"
  read -r w c _ < <(build)
  two_wall+=("$w"); two_cpu+=("$c")
done
rm -rf "$out" "$scratch/.out.pejling-stat" "$scratch/.out.pejling-kept" "$scratch/hugo-out"

m() { printf '%s\n' "$@" | median; }
fw=$(m "${full_wall[@]}"); fc=$(m "${full_cpu[@]}"); hw=$(m "${hugo_wall[@]}"); hc=$(m "${hugo_cpu[@]}")
nw=$(m "${none_wall[@]}"); nc=$(m "${none_cpu[@]}"); ow=$(m "${one_wall[@]}"); oc=$(m "${one_cpu[@]}")
tw=$(m "${two_wall[@]}"); tc=$(m "${two_cpu[@]}")
pk=$(printf '%s\n' "${peak[@]}" | sort -n | tail -1)
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
pct() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f %%", 100 * a / b }'; }
echo "$n municipalities, $runs runs each (medians), output on tmpfs, $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| Figure | Wall time | CPU time | Target |"
echo "|---|---:|---:|---|"
echo "| Full build, pejling | ${fw} s | ${fc} s | |"
echo "| Full build, Hugo | ${hw} s | ${hc} s | |"
echo "| Full build, pejling ÷ Hugo | $(ratio "$fw" "$hw") × | $(ratio "$fc" "$hc") × | ≤ 0.5 × |"
echo "| No-change rebuild ÷ full build | $(pct "$nw" "$fw") (${nw} s) | $(pct "$nc" "$fc") (${nc} s) | ≤ 5 % |"
echo "| One report changed ÷ full build, first rebuild (no kept output) | $(pct "$ow" "$fw") (${ow} s) | $(pct "$oc" "$fc") (${oc} s) | ≤ 10 % |"
echo "| One report changed ÷ full build, later rebuilds (kept output) | $(pct "$tw" "$fw") (${tw} s) | $(pct "$tc" "$fc") (${tc} s) | ≤ 10 % |"
echo "| Peak RSS of a full build | $(awk -v k="$pk" 'BEGIN { printf "%.0f MB", k * 1024 / 1e6 }') | | ≤ 100 MB |"
