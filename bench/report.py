"""make bench: the targets, the verdict on each figure, the table, and its history.

bench/run.py measures; this turns bench/results.json into rows of (figure, Caravan,
less, target, ok) and keeps a line per run in docs/benchmarks.md.
"""
import os
import subprocess

# The targets from the issues; each check below names the one it applies.
TARGETS = {
    "first_frame_vs_less": 2.5,
    "bytes_over_changed": 1.2,
    "scroll_zoomed_vs_less": 1.5,
    "page_down_vs_less": 1.2,
    "update_view_us_120x40": 1000,
    "idle_cpu_pct": 0,
    "peak_mb": 12,
    "binary_mb": 40,
    "large_first_open_ms": 300,
    "large_cached_open_ms": 50,
    "large_peak_mb": 100,
    "large_search_ms": 30,
}

HISTORY_MARK = "<!-- make bench adds a line below this one -->"


def mb(kib):
    """KiB as MB (10^6 bytes), the unit of the targets."""
    return None if kib is None else round(kib * 1024 / 1e6, 1)


def times_less(caravan, less, limit):
    """A target as a ratio to less: the figure, and whether it is within `limit` of less's."""
    if caravan is None or not less:
        return "-", False
    return f"x{round(caravan / less, 2)}", caravan / less <= limit


def verdicts(r):
    """(figure, caravan, less, target, ok) rows."""
    rows = []
    c, l = r["terminal"]["caravan"], r["terminal"]["less"]
    for size in ("24x80", "60x200"):
        ms, less_ms = c[f"startup_{size}"]["first_frame_ms"], l[f"startup_{size}"]["first_frame_ms"]
        shown, ok = times_less(ms, less_ms, TARGETS["first_frame_vs_less"])
        rows.append((f"first frame {size} (ms)", ms, less_ms,
                     f"<= less x{TARGETS['first_frame_vs_less']} (now {shown})", ok))
    rows += key_rows(r)
    idle = c["startup_24x80"]["idle_cpu_pct"]
    rows.append(("idle CPU over 10 s (%)", idle, l["startup_24x80"]["idle_cpu_pct"], "0", idle == 0))
    peak = max(c["startup_24x80"]["peak_rss_kb"], c["startup_60x200"]["peak_rss_kb"], c["keys_peak_rss_kb"])
    less_peak = max(l["startup_24x80"]["peak_rss_kb"], l["keys_peak_rss_kb"])
    rows.append(("peak memory (MB)", mb(peak), mb(less_peak), f"<= {TARGETS['peak_mb']}",
                 mb(peak) <= TARGETS["peak_mb"]))
    if "copies" in r:
        cc, lc = r["copies"]["caravan"], r["copies"]["less"]
        n = cc["copies"]
        rows.append((f"{n} copies running: PSS in all (MB)", mb(cc["pss_total_kb"]), mb(lc["pss_total_kb"]),
                     "reported", None))
        rows.append((f"{n} copies running: PSS / private per copy (MB)",
                     f"{mb(cc['pss_kb'])} / {mb(cc['private_dirty_kb'])}",
                     f"{mb(lc['pss_kb'])} / {mb(lc['private_dirty_kb'])}", "reported", None))
    size = r.get("binary", {})
    if size:
        rows.append(("binary size, release (MB)", round(size["caravan_bytes"] / 1e6, 1),
                     round(size["less_bytes"] / 1e6, 2), f"< {TARGETS['binary_mb']} (aim)",
                     size["caravan_bytes"] / 1e6 < TARGETS["binary_mb"]))
    for name, sizes in r["headless"]["sizes"].items():
        med = sizes["all"]["median_us"]
        worst = max(v["median_us"] for k, v in sizes.items() if k != "all")
        target = f"< {TARGETS['update_view_us_120x40']}" if name == "120x40" else ""
        ok = worst < TARGETS["update_view_us_120x40"] if name == "120x40" else None
        rows.append((f"update+view {name}: median / worst key (us)", f"{med} / {worst}", "-", target, ok))
    pre = r["headless"].get("precompiled", {})
    rows.append(("paper: parse the files / read the compiled model (ms)",
                 f"{r['headless']['load_ms']} / {pre.get('open_ms')}", "-", "", None))
    if "large" in r:
        rows += large_rows(r["large"])
    return rows


def key_rows(r):
    rows = []
    ck, lk = r["terminal"]["caravan"]["keys_24x80"], r["terminal"]["less"]["keys_24x80"]
    changed = r["headless"]["sizes"]["80x24"]
    for label in ("scroll-line", "scroll-line-zoomed", "page-down", "page-down-zoomed", "follow-link",
                  "open-search", "type-query", "no-change"):
        got, other = ck.get(label, {}), lk.get(label, {})
        cells = changed.get(label, {}).get("changed_bytes_median")
        budget = None if cells is None else round(cells * TARGETS["bytes_over_changed"])
        target, ok = f"<= {budget} (changed x1.2)", None
        if label == "no-change":
            target, ok = "0", got.get("bytes") == 0
        elif label == "scroll-line-zoomed":
            limit = round((other.get("bytes") or 0) * TARGETS["scroll_zoomed_vs_less"])
            target, ok = f"<= {limit} (less x1.5)", got.get("bytes") is not None and got["bytes"] <= limit
        elif label in ("page-down", "page-down-zoomed"):
            limit = round((other.get("bytes") or 0) * TARGETS["page_down_vs_less"])
            ok = got.get("bytes") is not None and got["bytes"] <= max(limit, budget or 0)
            target = f"<= {limit} (less x1.2)" + (f" or {budget} (changed x1.2)" if budget else "")
        elif budget is not None:
            ok = got.get("bytes") is not None and got["bytes"] <= budget
        rows.append((f"{label}: bytes/key", got.get("bytes"), other.get("bytes"), target, ok))
        rows.append((f"{label}: latency (ms)", got.get("latency_ms"), other.get("latency_ms"), "", None))
    rows.append(("resize: bytes", ck.get("resize", {}).get("bytes"), lk.get("resize", {}).get("bytes"), "", None))
    rows.append(("resize: latency (ms)", ck.get("resize", {}).get("latency_ms"),
                 lk.get("resize", {}).get("latency_ms"), "", None))
    return rows


def large_rows(g):
    rows = []
    first, cached = g["first_open"], g["caravan"]
    rows.append((f"large set ({g['entities']} entities, {g['size_mb']} MB): first open, frame (ms)",
                 first["first_frame_ms"], g["less"]["first_frame_ms"],
                 f"< {TARGETS['large_first_open_ms']}", first["first_frame_ms"] < TARGETS["large_first_open_ms"]))
    rows.append(("large set: cached open, frame (ms)", cached["first_frame_ms"], g["less"]["first_frame_ms"],
                 f"< {TARGETS['large_cached_open_ms']}",
                 cached["first_frame_ms"] < TARGETS["large_cached_open_ms"]))
    peak = max(first["peak_rss_kb"], cached["peak_rss_kb"])
    rows.append(("large set: peak memory, first / cached open (MB)",
                 f"{mb(first['peak_rss_kb'])} / {mb(cached['peak_rss_kb'])}", mb(g["less"]["peak_rss_kb"]),
                 f"< {TARGETS['large_peak_mb']}", mb(peak) < TARGETS["large_peak_mb"]))
    pre = g.get("precompiled", {})
    rows.append(("large set headless: parse / write cache / read cache (ms)",
                 f"{g['load_ms']} / {pre.get('write_ms')} / {pre.get('open_ms')}", "-",
                 f"cache {pre.get('archive_mb')} MB", None))
    search_ms = g["headless_120x40"]["type-query"]["median_us"] / 1000
    worst_ms = g["headless_120x40"]["type-query"]["max_us"] / 1000
    rows.append(("large set: search per keystroke, update+view (ms)", f"{round(search_ms, 1)} (max {round(worst_ms, 1)})",
                 "-", f"< {TARGETS['large_search_ms']}", worst_ms < TARGETS["large_search_ms"]))
    tq = cached["keys_24x80"].get("type-query", {})
    rows.append(("large set: search per keystroke in a terminal (ms)", tq.get("latency_ms"),
                 g["less"]["keys_24x80"].get("search-enter", {}).get("latency_ms"), "", None))
    for label in ("scroll-navigator", "scroll-line", "page-down"):
        got = cached["keys_24x80"].get(label, {})
        other = g["less"]["keys_24x80"].get(label if label != "scroll-navigator" else "scroll-line", {})
        rows.append((f"large set: {label} latency (ms)", got.get("latency_ms"), other.get("latency_ms"), "", None))
    return rows


def table(rows):
    head = ("figure", "caravan", "less", "target", "")
    cells = [head] + [(a, "-" if b is None else str(b), "-" if c is None else str(c), d,
                       "" if ok is None else ("ok" if ok else "MISSED")) for a, b, c, d, ok in rows]
    widths = [max(len(row[i]) for row in cells) for i in range(5)]
    lines = ["  ".join(cell.ljust(widths[i]) for i, cell in enumerate(row)).rstrip() for row in cells]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


def history_line(results, rows, root):
    """One line of the history table: the run's date and commit, and each target's figure."""
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=root, capture_output=True,
                            text=True).stdout.strip() or "-"
    dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], cwd=root,
                           capture_output=True, text=True).stdout.strip()
    figures = {a: (b, c) for a, b, c, _, _ in rows}

    def pick(prefix, with_less=False):
        for name, (got, less) in figures.items():
            if name.startswith(prefix):
                return f"{got} / {less}" if with_less else str(got)
        return "-"

    met = sum(1 for row in rows if row[4])
    missed = sum(1 for row in rows if row[4] is False)
    cells = [results["when"][:16], commit + ("+" if dirty else ""), str(results["runs"]),
             pick("first frame 24x80", True), pick("first frame 60x200", True), pick("peak memory", True),
             pick("100 copies running: PSS in all"), pick("binary size"), pick("follow-link: bytes"),
             pick("large set (").strip(), pick("large set: cached open"), pick("large set: peak memory"),
             f"{met} met, {missed} missed"]
    return "| " + " | ".join(cells) + " |"


def record_history(results, rows, root):
    """Adds the run's line to docs/benchmarks.md, under the history table's header."""
    path = os.path.join(root, "docs", "benchmarks.md")
    with open(path) as source:
        text = source.read()
    if HISTORY_MARK not in text:
        return False
    head, tail = text.split(HISTORY_MARK, 1)
    # The table's header and separator follow the mark; the newest line goes after them.
    lines = tail.split("\n")
    lines.insert(3, history_line(results, rows, root))
    with open(path + ".tmp", "w") as out:
        out.write(head + HISTORY_MARK + "\n".join(lines))
    os.replace(path + ".tmp", path)
    return True
