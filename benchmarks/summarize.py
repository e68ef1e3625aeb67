#!/usr/bin/env python3
"""Turn the raw measurements of benchmarks/run.sh into a Markdown report.

    python3 benchmarks/summarize.py RAWDIR --mode full|smoke --sizes 1000 10000
                                    --runs 5 --warmup 1 [--hugo-only] [--out FILE]

RAWDIR holds what run.sh wrote, per tool (hugo, pejling) and size N:

    TOOL-N-CASE.rR.json   hyperfine --export-json of run R (R = 0: warm-up, left out);
                          CASE is full-shm, full-disk, rebuild-shm or rebuild-disk
    TOOL-N-rss.txt      peak resident set size in KiB (GNU time %M)
    TOOL-N-pages.txt    number of OUT/*/index.html after a full build
    TOOL-N-error.txt    why the tool could not be measured at that size
    pejling-unavailable.txt  why there is no pejling binary

Prints the report, writes it to --out, and exits 0 when the run met its bar:
smoke: both tools built N pages at every size; full: every target PASSes.
Python standard library only.
"""

import argparse
import datetime
import glob
import json
import os
import platform
import statistics
import subprocess
import sys

TOOLS = [("hugo", "Hugo"), ("pejling", "pejling")]
CASES = [
    ("full-shm", "Full build, tmpfs"),
    ("full-disk", "Full build, disk"),
    ("rebuild-shm", "No-change rebuild, tmpfs"),
    ("rebuild-disk", "No-change rebuild, disk"),
]
RSS_LIMIT_MB = 100  # decimal megabytes (10^6 bytes), the stricter reading


def read(path):
    try:
        with open(path, encoding="utf-8") as f:
            return f.read().strip()
    except FileNotFoundError:
        return None


def runs(raw, tool, n, case):
    """The hyperfine results of the timed runs (round 0, the warm-up, left out)."""
    out = []
    for name in sorted(glob.glob(os.path.join(raw, f"{tool}-{n}-{case}.r*.json"))):
        if name.endswith(".r0.json"):
            continue
        out.extend(json.loads(read(name))["results"])
    return out


def timing(raw, tool, n, case):
    """(median, min, max) wall seconds, or None."""
    times = [t for r in runs(raw, tool, n, case) for t in r["times"]]
    if not times:
        return None
    return statistics.median(times), min(times), max(times)


def cpu(raw, tool, n, case):
    """Mean user + system CPU seconds of the timed runs, or None."""
    rs = runs(raw, tool, n, case)
    return statistics.mean(r["user"] + r["system"] for r in rs) if rs else None


def loadavg(raw, when):
    text = read(os.path.join(raw, f"loadavg-{when}.txt"))
    return text.split()[0] if text else "?"


def fmt_s(t):
    return f"{t * 1000:.0f} ms" if t < 1 else f"{t:.2f} s"


def fmt_timing(tm):
    if tm is None:
        return "–"
    med, lo, hi = tm
    if lo == hi:
        return fmt_s(med)
    return f"{fmt_s(med)} ({fmt_s(lo)}–{fmt_s(hi)})"


def fmt_n(n):
    return f"{n:,}"


def sh(*cmd):
    try:
        return subprocess.run(cmd, capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return None


def machine():
    cpu = "unknown"
    for line in (read("/proc/cpuinfo") or "").splitlines():
        if line.startswith("model name"):
            cpu = line.split(":", 1)[1].strip()
            break
    mem = "unknown"
    for line in (read("/proc/meminfo") or "").splitlines():
        if line.startswith("MemTotal:"):
            mem = f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
    osname = platform.system()
    for line in (read("/etc/os-release") or "").splitlines():
        if line.startswith("PRETTY_NAME="):
            osname = line.split("=", 1)[1].strip('"')
    nproc = sh("nproc") or str(os.cpu_count())
    return f"{nproc} cores (`nproc`), {cpu}, {mem} RAM, {osname}, Linux {platform.release()}"


def commit(raw):
    recorded = read(os.path.join(raw, "commit.txt"))
    if recorded:
        lines = recorded.splitlines()
        return lines[0] + (" with uncommitted changes" if "dirty" in lines[1:] else "")
    rev = sh("git", "rev-parse", "--short", "HEAD")
    if rev is None:
        return "no commit yet"
    dirty = sh("git", "status", "--porcelain", "--untracked-files=no")
    return rev + (" with uncommitted changes" if dirty else "")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("raw")
    ap.add_argument("--mode", choices=["full", "smoke"], required=True)
    ap.add_argument("--sizes", type=int, nargs="+", required=True)
    ap.add_argument("--runs", type=int, required=True)
    ap.add_argument("--warmup", type=int, required=True)
    ap.add_argument("--hugo-only", action="store_true")
    ap.add_argument("--out")
    args = ap.parse_args()
    raw = args.raw
    tools = TOOLS[:1] if args.hugo_only else TOOLS

    out = []
    w = out.append
    today = datetime.date.today().isoformat()
    title = "smoke run" if args.mode == "smoke" else "results"
    w(f"## Benchmark {title}, {today}")
    w("")
    cmd = "benchmarks/run.sh" + (" --smoke" if args.mode == "smoke" else "") \
        + (" --hugo-only" if args.hugo_only else "")
    w(f"- Command: `{cmd}`")
    w(f"- Machine: {machine()}")
    w(f"- Hugo: `{sh('hugo', 'version') or 'not found'}`")
    unavailable = read(os.path.join(raw, "pejling-unavailable.txt"))
    if args.hugo_only:
        w(f"- pejling: not measured (`--hugo-only`); commit {commit(raw)}")
    elif unavailable:
        w(f"- pejling: **not available** ({unavailable}); commit {commit(raw)}")
    else:
        custom = read(os.path.join(raw, "pejling-binary.txt"))
        w(f"- pejling: commit {commit(raw)}, "
          + (custom if custom else "`.build/release/pejling` (`swift build -c release --product pejling`)"))
    w(f"- Each figure: median of {args.runs} run(s) after {args.warmup} warm-up run(s), "
      "(min–max) beside it; wall time by hyperfine. Full build = into a folder that does "
      "not exist; no-change rebuild = the same build again into the folder the previous "
      "one wrote. CPU time is user + system, mean of the timed runs. Peak RSS by GNU time, "
      "one full build on tmpfs.")
    w(f"- Load average (1 min) at start and end of the run: {loadavg(raw, 'start')} and "
      f"{loadavg(raw, 'end')}; wall times on a busy machine vary, CPU times much less.")
    w("")

    header = ["Pages", "Tool"] + [label for _, label in CASES] \
        + ["CPU time, full build tmpfs", "Peak RSS", "Pages built"]
    w("| " + " | ".join(header) + " |")
    w("|" + "|".join(["---:", "---"] + ["---:"] * (len(header) - 2)) + "|")
    ok_pages = True
    for n in args.sizes:
        for tool, label in tools:
            err = read(os.path.join(raw, f"{tool}-{n}-error.txt"))
            if tool == "pejling" and unavailable:
                err = err or "not available"
            cells = [fmt_n(n), label]
            cells += [fmt_timing(timing(raw, tool, n, case)) for case, _ in CASES]
            c = cpu(raw, tool, n, "full-shm")
            cells.append(fmt_s(c) if c is not None else "–")
            rss = read(os.path.join(raw, f"{tool}-{n}-rss.txt"))
            cells.append(f"{int(rss) * 1024 / 1e6:.0f} MB" if rss else "–")
            pages = read(os.path.join(raw, f"{tool}-{n}-pages.txt"))
            if err:
                cells.append(f"failed: {err}")
                ok_pages = False
            else:
                good = pages is not None and int(pages) == n
                ok_pages = ok_pages and good
                cells.append(fmt_n(int(pages)) if good else f"**{pages} of {fmt_n(n)}**")
            w("| " + " | ".join(cells) + " |")
    w("")
    w("Hugo has no incremental build outside `hugo server`: its \"rebuild\" renders everything "
      "again into the existing folder, shown for comparison.")
    w("")

    def med(tool, n, case):
        tm = timing(raw, tool, n, case)
        return tm[0] if tm else None

    exit_ok = ok_pages
    if args.mode == "full" and not args.hugo_only:
        big, small = max(args.sizes), min(args.sizes)
        rows = []

        def ratio(a, b):
            return a / b if a is not None and b else None

        def target(name, value, limit, shown, disk=None, cputime=None):
            nonlocal exit_ok
            if value is None:
                verdict = "MISS (not measured)"
                exit_ok = False
            elif value <= limit:
                verdict = "PASS"
            else:
                verdict = "MISS"
                exit_ok = False
            rows.append((name, shown(value) if value is not None else "–",
                         "≤ " + shown(limit), shown(disk) if disk is not None else "–",
                         shown(cputime) if cputime is not None else "–", verdict))

        def c(tool, n, case):
            return cpu(raw, tool, n, case)

        times = lambda x: f"{x:.2f} ×"
        pct = lambda x: f"{100 * x:.1f} %"
        mb = lambda x: f"{x:.0f} MB"
        target(f"Full build at {fmt_n(big)} pages, pejling ÷ Hugo",
               ratio(med("pejling", big, "full-shm"), med("hugo", big, "full-shm")), 0.25, times,
               ratio(med("pejling", big, "full-disk"), med("hugo", big, "full-disk")),
               ratio(c("pejling", big, "full-shm"), c("hugo", big, "full-shm")))
        rss = read(os.path.join(raw, f"pejling-{big}-rss.txt"))
        target(f"Peak RSS of pejling at {fmt_n(big)} pages",
               int(rss) * 1024 / 1e6 if rss else None, RSS_LIMIT_MB, mb)
        target(f"No-change rebuild at {fmt_n(big)} pages ÷ full build",
               ratio(med("pejling", big, "rebuild-shm"), med("pejling", big, "full-shm")), 0.05, pct,
               ratio(med("pejling", big, "rebuild-disk"), med("pejling", big, "full-disk")),
               ratio(c("pejling", big, "rebuild-shm"), c("pejling", big, "full-shm")))
        target(f"Growth of pejling's full build, {fmt_n(big)} ÷ {fmt_n(small)} pages",
               ratio(med("pejling", big, "full-shm"), med("pejling", small, "full-shm")),
               big / small * 1.2, times,
               ratio(med("pejling", big, "full-disk"), med("pejling", small, "full-disk")),
               ratio(c("pejling", big, "full-shm"), c("pejling", small, "full-shm")))
        serve = read(os.path.join(raw, f"pejling-{big}-serve-ms.txt"))
        target(f"`serve`: one-file change at {fmt_n(big)} pages, save → new page fetched (median)",
               float(serve) / 1000 if serve else None, 0.2, lambda x: f"{1000 * x:.0f} ms")
        w("| Target | tmpfs | Limit | disk (for information) | CPU time, tmpfs (for information) | Result |")
        w("|---|---:|---:|---:|---:|---|")
        for r in rows:
            w("| " + " | ".join(r) + " |")
        w("")
        w("For reference, Hugo's growth "
          f"{fmt_n(big)} ÷ {fmt_n(small)}: "
          + (times(ratio(med("hugo", big, "full-shm"), med("hugo", small, "full-shm")))
             if med("hugo", small, "full-shm") else "–") + " on tmpfs, "
          + (times(ratio(c("hugo", big, "full-shm"), c("hugo", small, "full-shm")))
             if c("hugo", small, "full-shm") else "–") + " in CPU time. The targets are judged on "
          "wall time; the CPU-time ratios vary far less with the machine's load, but ignore "
          "how well a tool uses the cores (on an idle machine both tools' wall time falls "
          "below their CPU time as far as they run in parallel).")
        w("")
    elif args.mode == "full":
        w("Targets not checked: pejling was not measured (`--hugo-only`).")
        w("")
    else:
        w("Smoke run: targets are not checked; it passes when both tools built the "
          "expected number of pages." if not args.hugo_only else
          "Smoke run (Hugo only): passes when Hugo built the expected number of pages.")
        w("")

    w(f"Overall: {'PASS' if exit_ok else 'MISS'}"
      + (" (Hugo only; targets not checked)" if args.hugo_only else ""))
    report = "\n".join(out) + "\n"
    sys.stdout.write(report)
    if args.out:
        os.makedirs(os.path.dirname(args.out) or ".", exist_ok=True)
        with open(args.out, "w", encoding="utf-8") as f:
            f.write(report)
    return 0 if exit_ok else 1


if __name__ == "__main__":
    sys.exit(main())
