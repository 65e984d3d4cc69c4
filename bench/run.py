#!/usr/bin/env python3
"""make bench: how fast Caravan is, beside less on the same text, against its targets.

Builds caravan and caravan-bench in release, then measures through a pseudo-terminal
(shared/tools/ttyprobe.py) and headless:
  1. launch to the first full frame at 80x24 and 200x60;
  2. per key: latency to the last byte and bytes written (one-line scroll in the panes
     and zoomed, page down, following a link, opening search, typing a query, a key
     that changes nothing, a resize);
  3. idle CPU over 10 s, peak memory, the memory of a hundred copies, the binary's size;
  4. update+view time per key at 80x24, 120x40 and 300x100 (caravan-bench);
  5. a generated content set of 10,000 entities: first open (no cache), cached open,
     memory, search per typed character, scrolling.
Prints a table (bench/report.py), writes bench/results.json and adds a line to the
history in docs/benchmarks.md. See docs/benchmarks.md.

Environment: BUILD_DIR (default .build), TTYPROBE (default ../shared/tools/ttyprobe.py),
BENCH_RUNS (runs per terminal scenario, default 5), BENCH_QUICK=1 (fewer runs, no
large set), BENCH_SKIP_BUILD=1.
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

from report import record_history, table, verdicts

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BUILD_DIR = os.environ.get("BUILD_DIR", ".build")
TTYPROBE = os.environ.get("TTYPROBE", os.path.join(ROOT, "..", "shared", "tools", "ttyprobe.py"))
QUICK = os.environ.get("BENCH_QUICK") == "1"
RUNS = int(os.environ.get("BENCH_RUNS", "2" if QUICK else "5"))
QUERY = "brand"

def log(message):
    print(message, file=sys.stderr, flush=True)


def run(cmd, **kw):
    return subprocess.run(cmd, cwd=ROOT, check=True, **kw)


def build():
    for product in ("caravan", "caravan-bench"):
        log(f"bench: building {product} (release, {BUILD_DIR})")
        run(["swift", "build", "-c", "release", "--static-swift-stdlib", "--product", product,
             "--scratch-path", BUILD_DIR])
    return os.path.join(ROOT, BUILD_DIR, "release")


def probe(cmd, size, keys="", idle=0, runs=RUNS, env=None, timeout=3, warmup=1):
    """Runs ttyprobe and returns its JSON summary."""
    args = [sys.executable, TTYPROBE, "--runs", str(runs), "--warmup", str(warmup), "--size", size,
            "--clean-env", "--keys", keys, "--timeout", str(timeout), "--settle-ms", "60"]
    if idle:
        args += ["--idle", str(idle)]
    for key, value in (env or {}).items():
        args += ["--env", f"{key}={value}"]
    out = subprocess.run(args + ["--"] + cmd, cwd=ROOT, check=True, capture_output=True, text=True)
    return json.loads(out.stdout)["summary"]


def steps(*parts):
    return ",".join(parts)


def repeat(sequence, times):
    return ",".join([sequence] * times)


# Key scripts. Labels name what is measured; `setup` steps are not reported.
CARAVAN_KEYS = steps(
    "l@setup", "j*15@scroll-line", "PgDn*4@page-down", "g@setup", "k*3@no-change",
    repeat("Tab@setup,Enter@follow-link,BS@setup", 3),
    "z@setup", "g@setup", "j*15@scroll-line-zoomed", "PgDn*4@page-down-zoomed", "z@setup",
    repeat("/@open-search," + ",".join(f"{c}@type-query" for c in QUERY) + ",Esc@setup", 2),
    "resize:40x120@resize,resize:24x80@resize")
LESS_KEYS = steps(
    "j*15@scroll-line", "PgDn*4@page-down", "g@setup", "k*3@no-change",
    repeat("G@follow-link,g@setup", 3),
    "g@setup", "j*15@scroll-line-zoomed", "PgDn*4@page-down-zoomed",
    repeat("/@open-search," + ",".join(f"{c}@type-query" for c in QUERY) + r",\r@setup", 2),
    "resize:40x120@resize,resize:24x80@resize")


def step_figures(summary):
    return {label: {"bytes": d["bytes_median"], "latency_ms": d["latency_ms_median"],
                    "latency_ms_p90": d["latency_ms_p90"], "silent": d["no_output"], "per_run": d["per_run"]}
            for label, d in summary["steps"].items() if label != "setup"}


def startup_figures(summary):
    return {"first_frame_ms": summary["first_frame_ms"]["median"],
            "startup_bytes": summary["startup_bytes"]["median"],
            "peak_rss_kb": summary["peak_rss_kb"],
            "idle_cpu_pct": summary.get("idle_cpu_pct", {}).get("median")}


def terminal_benchmarks(caravan_cmd, less_cmd, env):
    results = {"caravan": {}, "less": {}}
    for name, cmd in (("caravan", caravan_cmd), ("less", less_cmd)):
        for size in ("24x80", "60x200"):
            log(f"bench: {name} start-up at {size}")
            idle = 10 if size == "24x80" else 0
            results[name][f"startup_{size}"] = startup_figures(probe(cmd, size, idle=idle, env=env))
        log(f"bench: {name} keys at 24x80")
        keys = CARAVAN_KEYS if name == "caravan" else LESS_KEYS
        summary = probe(cmd, "24x80", keys=keys, env=env)
        results[name]["keys_24x80"] = step_figures(summary)
        results[name]["keys_peak_rss_kb"] = summary["peak_rss_kb"]
    return results


def headless(bench_bin, content=None, sizes="80x24,120x40,300x100", rounds=20):
    cmd = [bench_bin, "--sizes", sizes, "--rounds", str(rounds), "--query", QUERY]
    if content:
        cmd += ["--content", content]
    out = subprocess.run(cmd, cwd=ROOT, check=True, capture_output=True, text=True)
    return json.loads(out.stdout)


def large_set(bin_dir, env):
    folder = tempfile.mkdtemp(prefix="caravan-large-")
    try:
        log("bench: writing the large content set")
        made = subprocess.run([sys.executable, os.path.join(ROOT, "bench", "make_content.py"), folder],
                              check=True, capture_output=True, text=True).stdout.strip()
        size_mb = sum(os.path.getsize(os.path.join(d, f)) for d, _, fs in os.walk(folder) for f in fs) / 1e6
        caravan = os.path.join(bin_dir, "caravan")
        started = time.perf_counter()
        check = subprocess.run([caravan, "check", folder], capture_output=True, text=True)
        check_s = time.perf_counter() - started
        log("bench: large set, headless")
        head = headless(os.path.join(bin_dir, "caravan-bench"), content=folder, sizes="120x40", rounds=5)
        log("bench: large set, first open in a terminal (no cache)")
        cmd = [caravan, "--content", folder, "--ignore-config", "--no-state"]
        first = []
        for _ in range(max(1, RUNS // 2)):
            fresh = tempfile.mkdtemp(prefix="caravan-cache-")
            first.append(startup_figures(probe(cmd, "24x80", env={**env, "XDG_CACHE_HOME": fresh},
                                               runs=1, warmup=0, timeout=10)))
            shutil.rmtree(fresh, ignore_errors=True)
        log("bench: large set, cached open in a terminal")
        cache = tempfile.mkdtemp(prefix="caravan-cache-")
        cached_env = {**env, "XDG_CACHE_HOME": cache}
        # `list` opens the folder as the explorer does and writes the cache before it exits.
        subprocess.run([caravan, "--content", folder, "list"], env={**os.environ, **cached_env},
                       check=True, capture_output=True)
        cache_mb = sum(os.path.getsize(os.path.join(d, f)) for d, _, fs in os.walk(cache) for f in fs) / 1e6
        keys = steps("j*10@scroll-navigator", "l@setup", "j*10@scroll-line", "PgDn*3@page-down",
                     "/@open-search", ",".join(f"{c}@type-query" for c in QUERY), "Esc@setup")
        summary = probe(cmd, "24x80", keys=keys, env=cached_env, runs=max(1, RUNS // 2), timeout=10)
        shutil.rmtree(cache, ignore_errors=True)
        text = os.path.join(folder, "all.txt")
        with open(text, "wb") as out:
            for d, _, fs in sorted(os.walk(folder)):
                for f in sorted(fs):
                    if f.endswith(".md"):
                        with open(os.path.join(d, f), "rb") as src:
                            out.write(src.read())
        less_keys = steps("j*10@scroll-line", "PgDn*3@page-down", "/@open-search",
                          ",".join(f"{c}@type-query" for c in QUERY), r"\r@search-enter")
        less = probe(["less", text], "24x80", keys=less_keys, env=env, runs=max(1, RUNS // 2), timeout=10)
        return {
            "generator": made, "size_mb": round(size_mb, 1), "entities": head["entities"],
            "errors": head["errors"], "check_s": round(check_s, 2), "check_status": check.returncode,
            "load_ms": head["load_ms"], "headless_peak_rss_kb": head["peak_rss_kb"],
            "precompiled": head.get("precompiled", {}), "cache_file_mb": round(cache_mb, 1),
            "first_open": {"first_frame_ms": sorted(f["first_frame_ms"] for f in first)[len(first) // 2],
                           "peak_rss_kb": max(f["peak_rss_kb"] for f in first)},
            "search_index_us": head["search_index_us"], "headless_120x40": head["sizes"]["120x40"],
            "caravan": {**startup_figures(summary), "keys_24x80": step_figures(summary)},
            "less": {**startup_figures(less), "keys_24x80": step_figures(less)},
        }
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def copies_memory(cmd, env, copies=100):
    """Memory of each of `copies` copies running at once, each in its own 24x80 pty.

    Peak RSS counts every page of the binary a copy has touched, though copies share
    them; PSS divides shared pages among the copies that map them, and private dirty
    memory is what each further copy adds. Medians, in KiB, from /proc/PID/smaps_rollup.
    """
    import fcntl
    import pty
    import struct
    import termios
    procs, masters = [], []
    try:
        for _ in range(copies):
            master, slave = pty.openpty()
            fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
            full_env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "LANG": "C.UTF-8",
                        "TERM": "xterm-256color", **env}
            procs.append(subprocess.Popen(cmd, stdin=slave, stdout=slave, stderr=slave, env=full_env,
                                          start_new_session=True))
            os.close(slave)
            masters.append(master)
        deadline = time.time() + 3 + copies * 0.05
        while time.time() < deadline:  # keep the ptys drained while the copies start
            for master in masters:
                try:
                    os.set_blocking(master, False)
                    os.read(master, 65536)
                except OSError:
                    pass
            time.sleep(0.05)
        figures = {"rss_kb": [], "pss_kb": [], "private_dirty_kb": []}
        for proc in procs:
            fields = {}
            with open(f"/proc/{proc.pid}/smaps_rollup") as rollup:
                for line in rollup:
                    parts = line.split()
                    if len(parts) >= 2 and parts[0].endswith(":"):
                        fields[parts[0][:-1]] = int(parts[1]) if parts[1].isdigit() else 0
            figures["rss_kb"].append(fields.get("Rss", 0))
            figures["pss_kb"].append(fields.get("Pss", 0))
            figures["private_dirty_kb"].append(fields.get("Private_Dirty", 0))
        return {"copies": copies, "pss_total_kb": sum(figures["pss_kb"]),
                **{k: sorted(v)[len(v) // 2] for k, v in figures.items()}}
    finally:
        for proc, master in zip(procs, masters):
            try:
                os.write(master, b"q")
            except OSError:
                pass
        for proc in procs:
            try:
                proc.wait(timeout=3)
            except subprocess.TimeoutExpired:
                proc.kill()
        for master in masters:
            os.close(master)


def main():
    if not shutil.which("less"):
        sys.exit("bench: less is not installed (make bench installs it)")
    bin_dir = os.path.join(ROOT, BUILD_DIR, "release") if os.environ.get("BENCH_SKIP_BUILD") else build()
    caravan = os.path.join(bin_dir, "caravan")
    paper = os.path.join(ROOT, "bench", "paper.txt")
    with open(paper, "w") as out:
        run([caravan, "read"], stdout=out)
    home = tempfile.mkdtemp(prefix="caravan-bench-home-")
    env = {"HOME": home, "XDG_STATE_HOME": home, "XDG_CONFIG_HOME": home, "LESSHISTFILE": "-"}
    try:
        results = {"when": time.strftime("%Y-%m-%d %H:%M:%S"), "runs": RUNS, "query": QUERY}
        results["terminal"] = terminal_benchmarks(
            [caravan, "--ignore-config", "--no-state"], ["less", paper], env)
        log("bench: memory of a hundred copies running at once")
        results["copies"] = {"caravan": copies_memory([caravan, "--ignore-config", "--no-state"], env),
                             "less": copies_memory(["less", paper], env)}
        results["binary"] = {"caravan_bytes": os.path.getsize(caravan),
                             "less_bytes": os.path.getsize(shutil.which("less"))}
        log("bench: headless update+view")
        results["headless"] = headless(os.path.join(bin_dir, "caravan-bench"))
        if not QUICK:
            results["large"] = large_set(bin_dir, env)
        rows = verdicts(results)
        results["verdicts"] = [{"figure": a, "caravan": b, "less": c, "target": d, "ok": ok}
                               for a, b, c, d, ok in rows]
    finally:
        shutil.rmtree(home, ignore_errors=True)
    with open(os.path.join(ROOT, "bench", "results.json"), "w") as out:
        json.dump(results, out, indent=1)
    if not QUICK and not record_history(results, rows, ROOT):
        log("bench: no history table in docs/benchmarks.md to add to")
    print(table(rows))
    missed = sum(1 for row in rows if row[4] is False)
    print(f"\n{sum(1 for row in rows if row[4])} targets met, {missed} missed; details in bench/results.json")


if __name__ == "__main__":
    main()
