#!/usr/bin/env python3
"""make fuzz: build the libFuzzer targets in Fuzz/ and run each for a bounded time.

Environment: FUZZ_SECONDS (per target, default 60), FUZZ_BUILD_DIR (default .build-fuzz),
FUZZ_TARGETS (a space-separated subset of the targets).

Each target starts from its seeds in Fuzz/Seeds/TARGET (plus, for the loader and the
Markdown renderer, the shipped Content files) and keeps its growing corpus in
FUZZ_BUILD_DIR/corpus/TARGET between runs. A crash is saved as
FUZZ_BUILD_DIR/crashes/TARGET-crash-HASH; replay it with
    FUZZ_BUILD_DIR/debug/TARGET FILE
and turn it into a regression test in Tests/ before fixing it. Exit status 1 when any
target crashed.
"""
import glob
import os
import re
import shutil
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FUZZ = os.path.join(ROOT, "Fuzz")
BUILD = os.path.join(ROOT, os.environ.get("FUZZ_BUILD_DIR", ".build-fuzz"))
SECONDS = int(os.environ.get("FUZZ_SECONDS", "60"))
TARGETS = os.environ.get("FUZZ_TARGETS", "FuzzContentLoader FuzzMarkdown FuzzKeyDecoder FuzzSanitizer").split()
CONTENT_SEEDED = {"FuzzContentLoader", "FuzzMarkdown"}


def build():
    cmd = ["swift", "build", "-c", "debug", "--package-path", FUZZ, "--scratch-path", BUILD,
           "-Xswiftc", "-sanitize=address", "-Xswiftc", "-sanitize-coverage=edge,inline-8bit-counters,pc-table,trace-cmp"]
    for target in TARGETS:
        print(f"fuzz: building {target}", flush=True)
        # The build runs the package's plugin tools, instrumented too: leaks there are not ours.
        subprocess.run(cmd + ["--product", target], check=True, env={**os.environ, "ASAN_OPTIONS": "detect_leaks=0"})
    return subprocess.run(cmd + ["--show-bin-path"], check=True, capture_output=True, text=True).stdout.strip()


def seed(target):
    corpus = os.path.join(BUILD, "corpus", target)
    os.makedirs(corpus, exist_ok=True)
    sources = glob.glob(os.path.join(FUZZ, "Seeds", target, "*"))
    if target in CONTENT_SEEDED:
        sources += sorted(glob.glob(os.path.join(ROOT, "Content", "**", "*.md"), recursive=True))
    for path in sources:
        name = os.path.relpath(path, ROOT).replace(os.sep, "_")
        with open(path, "rb") as src:
            data = src.read()
        if target == "FuzzMarkdown" and path.endswith(".md") and data.startswith(b"---"):
            # The renderer takes a width byte, a search byte and a body.
            end = data.find(b"\n---", 3)
            data = b"\x50\x01" + (data[end + 4:] if end >= 0 else data)
        with open(os.path.join(corpus, name), "wb") as out:
            out.write(data)
    return corpus


def fuzz(bin_dir, target):
    corpus = seed(target)
    crashes = os.path.join(BUILD, "crashes")
    os.makedirs(crashes, exist_ok=True)
    before = set(os.listdir(crashes))
    cmd = [os.path.join(bin_dir, target), corpus, f"-max_total_time={SECONDS}", "-max_len=65536",
           "-timeout=10", "-rss_limit_mb=4096", f"-artifact_prefix={crashes}/{target}-", "-print_final_stats=1"]
    print(f"fuzz: {target} for {SECONDS} s", flush=True)
    # Swift's own backtracer would symbolicate a trap for minutes; libFuzzer's report is enough.
    env = {**os.environ, "ASAN_OPTIONS": "detect_leaks=0", "SWIFT_BACKTRACE": "enable=no"}
    proc = subprocess.run(cmd, capture_output=True, text=True, env=env)
    log = proc.stderr
    with open(os.path.join(BUILD, f"{target}.log"), "w") as out:
        out.write(log)
    runs = re.findall(r"stat::number_of_executed_units:\s*(\d+)", log)
    done = re.findall(r"Done (\d+) runs in (\d+) second", log)
    cov = re.findall(r"cov: (\d+) ft: (\d+) corp: (\d+)", log)
    new = sorted(set(os.listdir(crashes)) - before)
    return {
        "target": target, "executions": int(runs[-1]) if runs else (int(done[-1][0]) if done else None),
        "seconds": SECONDS, "coverage": int(cov[-1][0]) if cov else None,
        "corpus": len(os.listdir(corpus)), "exit": proc.returncode, "crashes": new,
        "crash_report": "\n".join(l for l in log.splitlines() if "ERROR" in l or "invariant" in l
                                  or "Fatal error" in l or "SUMMARY" in l)[:2000],
    }


def main():
    bin_dir = build()
    results = [fuzz(bin_dir, target) for target in TARGETS]
    print()
    print(f"{'target':<20}{'executions':>12}{'exec/s':>9}{'coverage':>10}{'corpus':>8}  crashes")
    for r in results:
        rate = r["executions"] // max(1, r["seconds"]) if r["executions"] else "-"
        crashes = ", ".join(r["crashes"]) or ("none" if r["exit"] == 0 else f"exit {r['exit']}")
        print(f"{r['target']:<20}{r['executions'] or '-':>12}{rate:>9}{r['coverage'] or '-':>10}{r['corpus']:>8}  {crashes}")
        if r["crash_report"] and r["exit"] != 0:
            print("  " + r["crash_report"].replace("\n", "\n  "))
    failed = [r for r in results if r["exit"] != 0 or r["crashes"]]
    print(f"\nfuzz: {len(results) - len(failed)} passed, {len(failed)} failed"
          f" (logs in {os.path.relpath(BUILD, ROOT)}/TARGET.log)")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    if not shutil.which("swift"):
        sys.exit("fuzz: swift not found")
    main()
