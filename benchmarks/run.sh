#!/usr/bin/env bash
# Benchmark pejling against Hugo on the same generated content.
#
#   benchmarks/run.sh              1,000 and 10,000 pages, median of 5 runs, targets checked;
#                                  report on stdout and in benchmarks/results/latest.md
#   benchmarks/run.sh --smoke      50 and 200 pages, 1 run; exits 0 when both tools built
#                                  the expected pages (report in benchmarks/corpus/smoke.md)
#   benchmarks/run.sh --hugo-only  measure Hugo alone (while pejling does not build)
#
# Environment: PEJLING=path uses that binary instead of .build/release/pejling;
# RUNS=N and WARMUP=N change the full run's 5 timed runs and 1 warm-up.
# Installs hugo, hyperfine and GNU time with apt-get when they are missing.
# Exit status: 0 when the run met its bar (see summarize.py), 1 when not, 2 bad usage.
set -euo pipefail

usage() { sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'; }

MODE=full
HUGO_ONLY=0
while [ $# -gt 0 ]; do
    case "$1" in
        --smoke) MODE=smoke ;;
        --hugo-only) HUGO_ONLY=1 ;;
        -h|--help) usage; exit 0 ;;
        *) echo "run.sh: unknown argument: $1" >&2; usage >&2; exit 2 ;;
    esac
    shift
done

cd "$(dirname "$0")/.."          # the repository root: pejling finds Templates/ from here
BENCH=benchmarks
CORPORA="$PWD/$BENCH/corpus"     # git-ignored scratch; absolute, as hugo resolves a relative
                                 # --destination against --source

if [ "$MODE" = smoke ]; then
    SIZES=(50 200); RUNS=1; WARMUP=0; REPORT="$BENCH/corpus/smoke.md"
else
    SIZES=(1000 10000); RUNS=${RUNS:-5}; WARMUP=${WARMUP:-1}; REPORT="$BENCH/results/latest.md"
fi

log() { printf '==> %s\n' "$*" >&2; }

# --- tools --------------------------------------------------------------------
missing=()
command -v hugo >/dev/null 2>&1 || missing+=(hugo)
command -v hyperfine >/dev/null 2>&1 || missing+=(hyperfine)
[ -x /usr/bin/time ] || missing+=(time)
command -v python3 >/dev/null 2>&1 || missing+=(python3)
if [ ${#missing[@]} -gt 0 ]; then
    log "installing ${missing[*]} with apt-get"
    SUDO=""
    [ "$(id -u)" -ne 0 ] && SUDO=sudo
    $SUDO apt-get update
    $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}"
fi

mkdir -p "$CORPORA"
RAW="$CORPORA/raw-$MODE"
rm -rf "$RAW"; mkdir -p "$RAW"

# Output on tmpfs, so that the figures measure the tools and not this disk.
if [ -d /dev/shm ] && [ -w /dev/shm ]; then
    SHM=$(mktemp -d /dev/shm/pejling-bench.XXXXXX)
else
    log "no writable /dev/shm: the 'tmpfs' figures use $(dirname "$(mktemp -u)")"
    SHM=$(mktemp -d)
fi
DISK="$CORPORA/out"
cleanup() { rm -rf "$SHM" "$DISK"; }
trap cleanup EXIT
trap "exit 130" INT TERM
rm -rf "$DISK"; mkdir -p "$DISK"

PEJLING_OK=0
if [ "$HUGO_ONLY" = 0 ]; then
    if [ -n "${PEJLING:-}" ]; then
        echo "the binary that PEJLING named" >"$RAW/pejling-binary.txt"
    else
        PEJLING=.build/release/pejling
        stale=""
        [ -x "$PEJLING" ] && stale=$(find Sources Package.swift $([ -d Templates ] && echo Templates) -newer "$PEJLING" -print -quit 2>/dev/null || true)
        if [ ! -x "$PEJLING" ] || [ -n "$stale" ]; then
            if command -v swift >/dev/null 2>&1; then
                log "swift build -c release --product pejling"
                if ! swift build -c release --product pejling >"$RAW/swift-build.log" 2>&1; then
                    tail -n 30 "$RAW/swift-build.log" >&2
                    echo "swift build -c release failed" >"$RAW/pejling-unavailable.txt"
                fi
            else
                echo "no swift toolchain to build it" >"$RAW/pejling-unavailable.txt"
            fi
        fi
    fi
    if [ ! -f "$RAW/pejling-unavailable.txt" ]; then
        if [ -x "$PEJLING" ]; then
            # Measure a copy: another build of .build/ during the run must not swap the binary
            # between runs (that would also make the next "no-change" rebuild a full one).
            cp "$PEJLING" "$SHM/pejling"
            PEJLING="$SHM/pejling"
            PEJLING_OK=1
        else
            echo "no binary at $PEJLING" >"$RAW/pejling-unavailable.txt"
        fi
    fi
    [ "$PEJLING_OK" = 1 ] || log "pejling not available: $(cat "$RAW/pejling-unavailable.txt"); measuring Hugo only"
fi

# --- corpus ---------------------------------------------------------------------
# Regenerated only when the generator changed since the corpus was written.
GEN_SUM=$(sha256sum "$BENCH/generate_corpus.py" | cut -d' ' -f1)
corpus() {
    local n=$1 dir="$CORPORA/n$1"
    if [ "$(cat "$dir/.stamp" 2>/dev/null || true)" != "$GEN_SUM" ]; then
        log "generating $n municipalities in $dir"
        rm -rf "$dir"
        python3 "$BENCH/generate_corpus.py" "$n" "$dir"
        echo "$GEN_SUM" >"$dir/.stamp"
    fi
}

# --- measuring ------------------------------------------------------------------
pages() { find "$1" -mindepth 2 -maxdepth 2 -name index.html | wc -l | tr -d ' '; }

# q: quote for the shell commands that hyperfine runs.
q() { printf '%q' "$1"; }

# build_cmd TOOL N OUT: the shell command of a full build of corpus N into OUT.
build_cmd() {
    case "$1" in
        hugo) echo "hugo --quiet --source $(q "$CORPORA/n$2/hugo") --destination $(q "$3")" ;;
        pejling) echo "$(q "$PEJLING") build --content $(q "$CORPORA/n$2/pejling/content") --output $(q "$3")" ;;
    esac
}

out_dir() { if [ "$3" = shm ]; then echo "$SHM/$1-$2"; else echo "$DISK/$1-$2"; fi; }

# fresh OUT: the folder, and what pejling keeps beside it (its stat cache and the output a
# rebuild replaced), removed: the next build is a full one.
fresh() { rm -rf "$1" "$(dirname "$1")/.$(basename "$1").pejling-stat" "$(dirname "$1")/.$(basename "$1").pejling-kept"; }

# trial TOOL N: one build first, so that a failing tool gets a reason in the table, not a
# crash; then the page count and the peak RSS of a full build into a fresh folder.
trial() {
    local tool=$1 n=$2 out rc=0
    out=$(out_dir "$tool" "$n" shm)
    fresh "$out"
    log "$tool: trial build of $n pages"
    eval "$(build_cmd "$tool" "$n" "$out")" >"$RAW/$tool-$n-trial.log" 2>&1 || rc=$?
    if [ "$rc" != 0 ]; then
        log "$tool failed at $n pages:"; tail -n 20 "$RAW/$tool-$n-trial.log" >&2
        echo "exit status $rc" >"$RAW/$tool-$n-error.txt"
        return 1
    fi
    pages "$out" >"$RAW/$tool-$n-pages.txt"
    fresh "$out"
    eval "/usr/bin/time -f %M -o $(q "$RAW/$tool-$n-rss.txt") $(build_cmd "$tool" "$n" "$out")" \
        >/dev/null 2>&1 || true
    fresh "$out"
}

# timed TOOL N KIND MEDIUM ROUND: one hyperfine run into RAW/TOOL-N-KIND-MEDIUM.rROUND.json
# (round 0 is the warm-up). KIND full: into a folder that does not exist; rebuild: into
# the folder that the previous build wrote. On disk, sync first, so that no run pays for
# the previous one's writes.
timed() {
    local tool=$1 n=$2 kind=$3 medium=$4 round=$5 out prepare=""
    local name="$tool-$n-$kind-$medium"
    out=$(out_dir "$tool" "$n" "$medium")
    local parent base
    parent=$(dirname "$out"); base=$(basename "$out")
    [ "$kind" = full ] && prepare="rm -rf $(q "$out") $(q "$parent/.$base.pejling-stat") $(q "$parent/.$base.pejling-kept")"
    [ "$medium" = disk ] && prepare="${prepare:+$prepare && }sync"
    local args=(--style basic --runs 1 --export-json "$RAW/$name.r$round.json" --command-name "$name")
    [ -n "$prepare" ] && args+=(--prepare "$prepare")
    log "$name, run $round of $RUNS"
    if ! hyperfine "${args[@]}" "$(build_cmd "$tool" "$n" "$out")" >"$RAW/$name.log" 2>&1; then
        cat "$RAW/$name.log" >&2
        echo "a timed run failed ($kind, $medium)" >"$RAW/$tool-$n-error.txt"
        return 1
    fi
}

# measure N TOOL...: the tools take turns run by run, so that a change in the machine's
# load during the benchmark falls on all of them alike.
measure() {
    local n=$1; shift
    local tools=() tool medium kind round order
    for tool in "$@"; do trial "$tool" "$n" && tools+=("$tool"); done
    [ ${#tools[@]} -gt 0 ] || return 0
    for medium in shm disk; do
        for kind in full rebuild; do
            for ((round = 1 - WARMUP; round <= RUNS; round++)); do
                order=("${tools[@]}")
                if ((round % 2 == 0)) && [ ${#tools[@]} -eq 2 ]; then order=("${tools[1]}" "${tools[0]}"); fi
                for tool in "${order[@]}"; do
                    timed "$tool" "$n" "$kind" "$medium" "$round" || true
                done
            done
        done
        for tool in "${tools[@]}"; do fresh "$(out_dir "$tool" "$n" "$medium")"; done
    done
}

cat /proc/loadavg >"$RAW/loadavg-start.txt" 2>/dev/null || true
# The commit as the run starts (the report is written at its end).
{ git rev-parse --short HEAD 2>/dev/null || echo "no commit yet"; } >"$RAW/commit.txt"
[ -n "$(git status --porcelain --untracked-files=no 2>/dev/null)" ] && echo dirty >>"$RAW/commit.txt"
tools=(hugo)
[ "$PEJLING_OK" = 1 ] && tools+=(pejling)
for n in "${SIZES[@]}"; do
    corpus "$n"
    measure "$n" "${tools[@]}"
done

# A one-file change in `pejling serve` at the largest size: save → new page fetched, on a
# scratch copy of the corpus (the script changes a report and puts it back).
if [ "$MODE" = full ] && [ "$PEJLING_OK" = 1 ]; then
    n=${SIZES[-1]}
    scratch=$(mktemp -d /dev/shm/pejling-serve.XXXXXX)
    cp -r "$CORPORA/n$n/pejling/content" "$scratch/content"
    log "serve: one-file changes at $n municipalities"
    python3 "$BENCH/serve_latency.py" "$PEJLING" "$scratch/content" "$RUNS" "$RAW/pejling-$n-serve-ms.txt" \
        >"$RAW/pejling-$n-serve.log" 2>&1 || cat "$RAW/pejling-$n-serve.log" >&2
    rm -rf "$scratch"
fi

cat /proc/loadavg >"$RAW/loadavg-end.txt" 2>/dev/null || true

summary_args=("$RAW" --mode "$MODE" --sizes "${SIZES[@]}" --runs "$RUNS" --warmup "$WARMUP" --out "$REPORT")
[ "$HUGO_ONLY" = 1 ] && summary_args+=(--hugo-only)
status=0
python3 "$BENCH/summarize.py" "${summary_args[@]}" || status=$?
log "report written to $REPORT"
exit "$status"
