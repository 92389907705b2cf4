#!/usr/bin/env python3
"""gcscope's benchmark suite: every budget of DESIGN.md in one run.

usage: run_bench.py --gcscope BUILD/gcscope [--bench-gc BIN] [--bench-trace BIN]
                    [--bench-gui BIN] [--python /usr/bin/python3.11] [-n 5]
                    [--only programs,gc,trace,gui,scaling] [--json OUT.json]

`cmake --build BUILD --target bench` runs it with every helper built.

1. Programs (tests/bench/*.py except gc_*/gui_*): each is run as
   `python3.11 FILE`, `gcscope run FILE`, `gcscope run --record FILE` and
   `gcscope run --record --no-sizes FILE` (what recording sizes costs:
   `run` records nothing, so sizes cost it nothing), N times per runtime.
   Runs alternate between runtimes (the order rotates every repetition) so
   a slow moment of the machine hits all of them alike.
   Wall time of the whole process (start-up included, as a user sees it)
   and peak RSS are measured; medians are printed with the ratio to CPython
   and the geometric means.  Every runtime's stdout must match CPython's.
2. Collector: one full gc.collect() over 10^6 tracked objects, timed inside
   each process (gc_collect.py in CPython with time.perf_counter; bench_gc
   in gcscope around gs_gc_collect, recording on), live and garbage heaps;
   recording as `run --record` does (a pass over more than 100,000 objects
   keeps its outcome, not each gc_refs), with every gc_refs
   (--gc-detail all) and not recording.
3. Trace: bench_trace (bytes/event, seek on a 10^7-event trace, export,
   import of 10^6 events).
4. Scaling (--only scaling, not in the default run: about 5 minutes):
   generated programs of 10^4, 10^5 and 2×10^5 lines (one assignment
   each) and loops of 10^5, 10^6 and 10^7 iterations, each run by CPython,
   `gcscope run`, `run --record` and `run --check-refcounts`, median of 3
   (--check-refcounts once for 10^7): every cost should grow linearly, so
   the ratio to CPython should stay flat down each group.
5. GUI: bench_gui (ms per frame at 100/1,000/10,000 objects, relayout after
   a step) and the time to the first frame of a lesson, both in process
   (bench_gui --first-frame) and end to end (`gcscope shot`, wall time).

Standard library only.  Prints pipe tables (paste them into the README).
"""
import argparse
import json
import math
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))

PROGRAMS = [
    ("churn_alloc.py", "allocation churn: 10^6 × z = [i]"),
    ("cycles_collect.py", "2×10^5 two-list cycles, gc.collect()"),
    ("ref_churn.py", "reference churn: 10^6 rebinds"),
    ("live_heap.py", "live heap of 3×10^5 lists, 5 collections"),
    ("calls_linked.py", "3×10^5 calls: linked list of instances, walk"),
    ("auto_gc.py", "automatic collections: 3×10^5 cyclic pairs"),
]

FIRST_FRAME_LESSON = "lessons/12_turning_the_collector_off.py"


# ---------------------------------------------------------------- running things

def run(cmd, env=None):
    """Run cmd; return (wall seconds, peak RSS bytes, exit code, stdout, stderr, CPU seconds)."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        t0 = time.perf_counter()
        p = subprocess.Popen(cmd, stdout=out, stderr=err, env=env, cwd=ROOT)
        try:
            _, status, ru = os.wait4(p.pid, 0)
        except KeyboardInterrupt:
            p.kill()
            raise
        t1 = time.perf_counter()
        p.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        return (t1 - t0, ru.ru_maxrss * 1024, p.returncode,
                out.read().decode("utf-8", "replace"), err.read().decode("utf-8", "replace"),
                ru.ru_utime + ru.ru_stime)


def json_lines(text):
    res = {}
    for line in text.splitlines():
        line = line.strip()
        if line.startswith("{"):
            try:
                d = json.loads(line)
            except ValueError:
                continue
            if "metric" in d:
                res[d["metric"]] = d
    return res


def gmean(xs):
    xs = [x for x in xs if x and x > 0]
    return math.exp(sum(math.log(x) for x in xs) / len(xs)) if xs else float("nan")


def fmt(x, digits=1):
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return "—"
    return f"{x:,.{digits}f}"


def table(headers, rows, align=None):
    """A pipe table, columns padded so it also reads well in a terminal."""
    cols = len(headers)
    align = align or ["l"] + ["r"] * (cols - 1)
    cells = [list(map(str, headers))] + [[str(c) for c in r] for r in rows]
    width = [max(len(r[i]) for r in cells) for i in range(cols)]
    def line(r):
        return "| " + " | ".join(r[i].ljust(width[i]) if align[i] == "l" else r[i].rjust(width[i])
                                 for i in range(cols)) + " |"
    sep = "|" + "|".join(("-" * (width[i] + 1) + ":") if align[i] == "r" else (":" + "-" * (width[i] + 1))
                         for i in range(cols)) + "|"
    return "\n".join([line(cells[0]), sep] + [line(r) for r in cells[1:]])


def progress(msg):
    print(msg, file=sys.stderr, flush=True)


# ---------------------------------------------------------------- the sections

def bench_programs(a, results):
    runtimes = [
        ("python", [a.python]),
        ("run", [a.gcscope, "run"]),
        ("record", [a.gcscope, "run", "--record"]),
        ("nosizes", [a.gcscope, "run", "--record", "--no-sizes"]),
    ]
    rows = []
    ratios_run, ratios_rec = [], []
    size_costs, csize_costs = [], []
    cratios_run, cratios_rec = [], []
    for prog, desc in PROGRAMS:
        path = os.path.join(HERE, prog)
        times = {k: [] for k, _ in runtimes}
        cpus = {k: [] for k, _ in runtimes}
        rss = {k: [] for k, _ in runtimes}
        outs = {}
        problems = []
        for rep in range(a.n):
            order = runtimes[rep % len(runtimes):] + runtimes[:rep % len(runtimes)]
            for key, cmd in order:
                progress(f"  {prog} [{key}] run {rep + 1}/{a.n}")
                wall, peak, code, out, err, cpu = run(cmd + [path])
                if code != 0:
                    last = (err.strip().splitlines() or [""])[-1]
                    problems.append(f"{key} exit {code}: {last}")
                times[key].append(wall)
                cpus[key].append(cpu)
                rss[key].append(peak)
                outs.setdefault(key, out)
        for key in ("run", "record", "nosizes"):
            if outs.get(key) != outs.get("python"):
                problems.append(f"{key}: stdout differs from CPython's")
        med = {k: statistics.median(v) * 1e3 for k, v in times.items()}
        cmed = {k: statistics.median(v) * 1e3 for k, v in cpus.items()}
        r_run = med["run"] / med["python"]
        r_rec = med["record"] / med["python"]
        c_run = cmed["run"] / cmed["python"]
        c_rec = cmed["record"] / cmed["python"]
        ratios_run.append(r_run)
        ratios_rec.append(r_rec)
        # what recording sizes costs: --record against --record --no-sizes
        size_cost = med["record"] / med["nosizes"]
        csize_cost = cmed["record"] / cmed["nosizes"]
        size_costs.append(size_cost)
        csize_costs.append(csize_cost)
        cratios_run.append(c_run)
        cratios_rec.append(c_rec)
        results["programs"][prog] = {
            "desc": desc, "median_ms": med, "ratio_run": r_run, "ratio_record": r_rec,
            "median_cpu_ms": cmed, "cpu_ratio_run": c_run, "cpu_ratio_record": c_rec,
            "size_cost": size_cost, "cpu_size_cost": csize_cost,
            "peak_rss_mb": {k: max(v) / 1e6 for k, v in rss.items()},
            "all_ms": {k: [t * 1e3 for t in v] for k, v in times.items()}, "problems": problems,
        }
        rows.append([prog, desc, fmt(med["python"]), fmt(med["run"]), f"{r_run:.2f}×", fmt(med["record"]),
                     f"{r_rec:.2f}×", f"{c_run:.2f}× / {c_rec:.2f}×", fmt(med["nosizes"]),
                     f"{(size_cost - 1) * 100:+.1f} % / {(csize_cost - 1) * 100:+.1f} %", fmt(max(rss["python"]) / 1e6, 0),
                     fmt(max(rss["record"]) / 1e6, 0), "; ".join(problems) or "ok"])
    g_run, g_rec = gmean(ratios_run), gmean(ratios_rec)
    gc_run, gc_rec = gmean(cratios_run), gmean(cratios_rec)
    results["geomean_run"] = g_run
    results["geomean_record"] = g_rec
    results["cpu_geomean_run"] = gc_run
    results["cpu_geomean_record"] = gc_rec
    g_size, gc_size = gmean(size_costs), gmean(csize_costs)
    results["geomean_size_cost"] = g_size
    results["cpu_geomean_size_cost"] = gc_size
    rows.append(["**geometric mean**", "", "", "", f"**{g_run:.2f}×**", "", f"**{g_rec:.2f}×**",
                 f"{gc_run:.2f}× / {gc_rec:.2f}×", "",
                 f"**{(g_size - 1) * 100:+.1f} %** / {(gc_size - 1) * 100:+.1f} %", "", "", ""])
    return table(["program", "what", "python3.11 ms", "run ms", "run/py", "--record ms", "rec/py",
                  "CPU run/py / rec/py", "--record --no-sizes ms", "sizes cost (wall / CPU)", "py MB", "rec MB",
                  "output"], rows,
                 ["l", "l", "r", "r", "r", "r", "r", "r", "r", "r", "r", "r", "l"])


def bench_gc(a, results):
    if not a.bench_gc:
        return "(collector bench skipped: no --bench-gc)"
    rows = []
    for heap in ("live", "garbage"):
        path = os.path.join(HERE, f"gc_heap_{heap}.py")
        runs = {"python": [], "record": [], "full": [], "norecord": []}
        cpu = {"python": [], "record": [], "full": [], "norecord": []}
        info = {}
        for rep in range(a.n):
            cmds = [("python", [a.python, os.path.join(HERE, "gc_collect.py"), path]),
                    ("record", [a.bench_gc, path]),
                    ("full", [a.bench_gc, path, "--gc-detail-all"]),
                    ("norecord", [a.bench_gc, path, "--no-record"])]
            cmds = cmds[rep % 4:] + cmds[:rep % 4]
            for key, cmd in cmds:
                progress(f"  gc_heap_{heap} [{key}] run {rep + 1}/{a.n}")
                _, _, code, out, err, _ = run(cmd)
                m = json_lines(out).get("gc_collect")
                if code != 0 or not m:
                    raise SystemExit(f"collector bench failed: {' '.join(cmd)}\n{err}")
                runs[key].append(m["ns"] / 1e6)
                cpu[key].append(m["cpu_ns"] / 1e6)
                info[key] = m
        med = {k: statistics.median(v) for k, v in runs.items()}
        cmed = {k: statistics.median(v) for k, v in cpu.items()}
        tracked = info["python"]["tracked"]
        results["gc"][heap] = {"median_ms": med, "ratio_record": med["record"] / med["python"],
                               "ratio_full": med["full"] / med["python"],
                               "cpu_ratio_full": cmed["full"] / cmed["python"],
                               "events_full": info["full"].get("events"),
                               "ratio_norecord": med["norecord"] / med["python"],
                               "median_cpu_ms": cmed, "cpu_ratio_record": cmed["record"] / cmed["python"],
                               "collected": {k: v["collected"] for k, v in info.items()},
                               "events": info["record"].get("events"), "tracked": tracked,
                               "all_ms": runs}
        rows.append([f"gc.collect(), 10^6 {heap}", fmt(med["python"]), fmt(med["python"] * 1e6 / tracked),
                     fmt(med["record"]), f"{med['record'] / med['python']:.2f}×",
                     fmt(med["full"]), f"{med['full'] / med['python']:.2f}×",
                     fmt(med["norecord"]), f"{med['norecord'] / med['python']:.2f}×",
                     f"{cmed['record'] / cmed['python']:.2f}× / {cmed['norecord'] / cmed['python']:.2f}×",
                     f"{info['python']['collected']:,} / {info['record']['collected']:,}",
                     f"{info['record'].get('events', 0):,} / {info['full'].get('events', 0):,}"])
    return table(["collection", "python3.11 ms", "py ns/obj", "gcscope rec ms", "rec/py",
                  "rec, every gc_refs ms", "every/py", "gcscope no-rec ms",
                  "no-rec/py", "CPU rec/py / no-rec/py", "collected py / gs", "events recorded / every gc_refs"],
                 rows)


def bench_trace(a, results):
    if not a.bench_trace:
        return "(trace bench skipped: no --bench-trace)", {}
    progress("  bench_trace (records a 10^7-event trace; ~20 s)")
    _, peak, code, out, err, _ = run([a.bench_trace] + (["--events", str(a.trace_events)] if a.trace_events else []))
    m = json_lines(out)
    if code != 0:
        raise SystemExit(f"bench_trace failed:\n{err}")
    for line in err.splitlines():
        if "note" in line:
            progress("  " + line)
    results["trace"] = m
    results["trace_peak_rss_mb"] = peak / 1e6
    v = lambda k: m.get(k, {}).get("value")
    rows = [
        ["events in the trace", fmt(v("trace_events"), 0), f"recorded at {fmt(v('trace_record_rate'))} M events/s; "
                                                           f"indexed in {fmt(v('trace_index_time'), 0)} ms"],
        ["bytes/event in memory (trace + timeline)", fmt(v("mem_per_event")),
         f"trace {fmt(v('mem_trace_per_event'))} + timeline {fmt(v('mem_timeline_per_event'))} "
         f"(undo+index {fmt(v('mem_timeline_index_per_event'))}, archive {fmt(v('mem_timeline_archive_per_event'))}, "
         f"{fmt(v('mem_timeline_checkpoints'), 0)} checkpoints {fmt(v('mem_timeline_checkpoints_per_event'))}, "
         f"states {fmt(v('mem_timeline_states_per_event'))}); with spare capacity "
         f"{fmt(v('mem_per_event_allocated'))}"],
        ["bytes/event on disk (JSON)", fmt(v("disk_per_event")), ""],
        ["reading events back (ns/event)", fmt(v("read_all_events"), 2),
         "gs_trace_get over the whole trace in order: unpacking the blocks"],
        [f"seek in {fmt(v('trace_events'), 0)} events (ms)", f"{fmt(v('seek_median'), 2)} median / {fmt(v('seek_p95'), 2)} p95 / "
                                   f"{fmt(v('seek_max'), 2)} max", "200 random positions"],
        ["one step back / forward (ns)", f"{fmt(v('step_back'), 0)} / {fmt(v('step_forward'), 0)}",
         "mean of 10^5 steps"],
        ["JSON export (MB/s)", fmt(v("export_rate"), 0), f"to a file; formatter alone {fmt(v('export_formatter_rate'), 0)} MB/s"],
        [f"import of {fmt(v('import_events'), 0)} events (ms)", fmt(v("import_total"), 0),
         f"parse {fmt(v('import_parse'), 0)} + index {fmt(v('import_index'), 0)}; {fmt(v('import_size'))} MB of JSON"],
    ]
    for k, d in m.items():
        if "skipped" in d:
            rows.append([k, "skipped", d["skipped"]])
    return table(["trace", "measured", "details"], rows, ["l", "r", "l"]), m


def bench_gui(a, results):
    if not a.bench_gui:
        return "(GUI bench skipped: no --bench-gui)", {}
    env = dict(os.environ)
    env.setdefault("SDL_VIDEODRIVER", "offscreen")
    progress("  bench_gui (frames, relayout)")
    _, _, code, out, err, _ = run([a.bench_gui], env=env)
    if code != 0:
        raise SystemExit(f"bench_gui failed:\n{err}")
    m = json_lines(out)
    lesson = os.path.join(ROOT, FIRST_FRAME_LESSON)
    ff, shot = [], []
    ffparts = {}
    with tempfile.TemporaryDirectory() as tmp:
        png = os.path.join(tmp, "shot.png")
        for rep in range(a.n):
            progress(f"  first frame run {rep + 1}/{a.n}")
            pair = [("inproc", [a.bench_gui, "--first-frame", lesson]), ("shot", [a.gcscope, "shot", lesson, "-o", png])]
            if rep % 2:
                pair.reverse()
            for key, cmd in pair:
                wall, _, code, out2, err2, _ = run(cmd, env=env)
                if code != 0:
                    raise SystemExit(f"{' '.join(cmd)} failed:\n{err2}")
                if key == "shot":
                    shot.append(wall * 1e3)
                else:
                    mm = json_lines(out2)
                    ff.append(mm["first_frame"]["value"])
                    for k2, d2 in mm.items():
                        ffparts.setdefault(k2, []).append(d2["value"])
    m["first_frame"] = {"value": statistics.median(ff), "unit": "ms"}
    m["first_frame_shot_wall"] = {"value": statistics.median(shot), "unit": "ms"}
    for k2, vals in ffparts.items():
        if k2 != "first_frame":
            m[k2] = {"value": statistics.median(vals), "unit": "ms"}
    results["gui"] = m
    v = lambda k: m.get(k, {}).get("value")
    rows = []
    for n in (100, 1000, 10000):
        for view in ("default", "fit"):
            k = f"frame_{view}_{n}"
            note = m.get(k, {}).get("note", "")
            rows.append([f"frame, {n:,} objects, {view} view", fmt(v(k), 2),
                         f"medians: ui {fmt(v(k + '_ui'), 2)}, render {fmt(v(k + '_render'), 2)}; "
                         + note.split(", ", 2)[-1]])
    rows.append(["relayout after a step", fmt(v("relayout_step"), 2),
                 f"step+scene {fmt(v('relayout_step_rebuild'), 2)} + ui {fmt(v('relayout_step_ui'), 2)} "
                 f"(render {fmt(v('relayout_step_render'), 2)}); "
                 + m.get("relayout_step", {}).get("note", "").split(":")[0].replace(ROOT + "/", "")])
    rows.append([f"first frame, {os.path.basename(lesson)}", fmt(v("first_frame"), 1),
                 f"record {fmt(v('first_frame_record'), 1)} + SDL/fonts {fmt(v('first_frame_sdl_fonts'), 1)} + "
                 f"ui {fmt(v('first_frame_ui'), 1)} + render {fmt(v('first_frame_render'), 1)}"])
    rows.append(["`gcscope shot` wall (with PNG)", fmt(v("first_frame_shot_wall"), 1), "whole process, end to end"])
    return table(["GUI (software renderer, 1280×800)", "ms", "details"], rows, ["l", "r", "l"]), m


def goals(results):
    rows = []

    def add(name, budget, value, ok, unit=""):
        if value is None or (isinstance(value, float) and math.isnan(value)):
            rows.append([name, budget, "—", "not measured"])
        else:
            rows.append([name, budget, f"{value:,.2f}{unit}", "PASS" if ok(value) else "**FAIL**"])

    if "geomean_run" in results:
        add("`gcscope run` / CPython, geometric mean", "≤ 1.00×", results["geomean_run"], lambda x: x <= 1.0, "×")
        add("`gcscope run --record` / CPython, geometric mean", "≤ 1.50×", results["geomean_record"],
            lambda x: x <= 1.5, "×")
        add("(same two, CPU time: run)", "≤ 1.00×", results["cpu_geomean_run"], lambda x: x <= 1.0, "×")
        add("(same two, CPU time: run --record)", "≤ 1.50×", results["cpu_geomean_record"], lambda x: x <= 1.5, "×")
    for heap in ("live", "garbage"):
        g = results["gc"].get(heap)
        if g:
            add(f"gc.collect() over 10^6 {heap} objects, recording / CPython", "≤ 1.50×", g["ratio_record"],
                lambda x: x <= 1.5, "×")
            add("(same, CPU time)", "≤ 1.50×", g["cpu_ratio_record"], lambda x: x <= 1.5, "×")
            add("(same, every gc_refs recorded: --gc-detail all)", "≤ 1.50×", g["ratio_full"],
                lambda x: x <= 1.5, "×")
    t = results.get("trace", {})
    tv = lambda k: t.get(k, {}).get("value")
    add("bytes per event in memory", "≤ 32", tv("mem_per_event"), lambda x: x <= 32)
    add("seek on a 10^7-event trace (max of 200)", "≤ 5 ms", tv("seek_max"), lambda x: x <= 5, " ms")
    add("one step back", "O(1)", tv("step_back"), lambda x: x < 10000, " ns")
    add("JSON export", "≥ 100 MB/s", tv("export_rate"), lambda x: x >= 100, " MB/s")
    add("import of a 10^6-event trace", "≤ 2,000 ms", tv("import_total"), lambda x: x <= 2000, " ms")
    gm = results.get("gui", {})
    gv = lambda k: gm.get(k, {}).get("value")
    worst = lambda n: max([x for x in (gv(f"frame_default_{n}"), gv(f"frame_fit_{n}")) if x is not None], default=None)
    add("frame with 1,000 objects (worst view)", "≤ 16 ms", worst(1000), lambda x: x <= 16, " ms")
    add("frame with 10,000 objects (worst view)", "≤ 33 ms", worst(10000), lambda x: x <= 33, " ms")
    add("relayout after a step", "≤ 5 ms", gv("relayout_step"), lambda x: x <= 5, " ms")
    add("first frame (in process)", "≤ 300 ms", gv("first_frame"), lambda x: x <= 300, " ms")
    return table(["goal", "budget", "measured", "status"], rows, ["l", "r", "r", "l"])


def scaling_programs(tmp):
    """(label, path) of the generated programs."""
    out = []
    for n in (10**4, 10**5, 2 * 10**5):
        path = os.path.join(tmp, f"lines_{n}.py")
        with open(path, "w") as f:
            for i in range(n):
                f.write(f"v{i} = {i} + {i % 7}\n")
            f.write(f"print(v{n - 1})\n")
        out.append((f"{n:,} lines", path))
    for n in (10**5, 10**6, 10**7):
        path = os.path.join(tmp, f"loop_{n}.py")
        with open(path, "w") as f:
            f.write(f"total = 0\nkept = []\nfor i in range({n}):\n    z = [i]\n    total += len(z)\n"
                    f"    if i % 1000 == 0:\n        kept.append(z)\nprint(total, len(kept))\n")
        out.append((f"{n:,} iterations", path))
    return out


def bench_scaling(a, results):
    runtimes = [
        ("python", [a.python]),
        ("run", [a.gcscope, "run"]),
        ("record", [a.gcscope, "run", "--record"]),
        ("check", [a.gcscope, "run", "--check-refcounts"]),
    ]
    rows = []
    results["scaling"] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for label, path in scaling_programs(tmp):
            med, problems, expect = {}, [], None
            for key, cmd in runtimes:
                reps = 1 if (key == "check" and "10,000,000" in label) else 3
                times = []
                for rep in range(reps):
                    progress(f"  {label} [{key}] run {rep + 1}/{reps}")
                    wall, _, code, out, err, _ = run(cmd + [path])
                    times.append(wall)
                    if code != 0:
                        problems.append(f"{key} exit {code}: {(err.strip().splitlines() or [''])[-1]}")
                    if key == "python":
                        expect = out
                    elif out != expect:
                        problems.append(f"{key}: stdout differs from CPython's")
                med[key] = statistics.median(times) * 1e3
            results["scaling"][label] = {"median_ms": med, "problems": problems}
            py = med["python"]
            rows.append([label, fmt(py), fmt(med["run"]), f"{med['run'] / py:.2f}×", fmt(med["record"]),
                         f"{med['record'] / py:.2f}×", fmt(med["check"]), f"{med['check'] / py:.2f}×",
                         f"{med['check'] / med['run']:.1f}×", "; ".join(sorted(set(problems))) or "ok"])
    return table(["program", "python3.11 ms", "run ms", "run/py", "--record ms", "rec/py",
                  "--check-refcounts ms", "check/py", "check/run", "output"], rows,
                 ["l", "r", "r", "r", "r", "r", "r", "r", "r", "l"])


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--gcscope", required=True)
    ap.add_argument("--bench-gc")
    ap.add_argument("--bench-trace")
    ap.add_argument("--bench-gui")
    ap.add_argument("--python", default="/usr/bin/python3.11")
    ap.add_argument("-n", type=int, default=5, help="runs per runtime (default 5)")
    ap.add_argument("--only", default="programs,gc,trace,gui")
    ap.add_argument("--trace-events", type=int, default=0, help="events in the seek trace (default 10^7)")
    ap.add_argument("--build-type", default="")
    ap.add_argument("--json", help="also write every measurement here")
    a = ap.parse_args()
    a.gcscope = os.path.abspath(a.gcscope)
    only = set(a.only.split(","))

    with open(a.python, "rb") as f:
        if f.read(2) == b"#!":
            sys.exit(f"{a.python} is a script (a wrapper?); benchmark against the real python3.11 binary")
    pyver = subprocess.run([a.python, "-c", "import sys; print(sys.version.split()[0])"],
                           capture_output=True, text=True).stdout.strip()
    try:
        commit = subprocess.run(["git", "-C", ROOT, "describe", "--always", "--dirty"],
                                capture_output=True, text=True).stdout.strip()
    except OSError:
        commit = "?"
    cpu = platform.processor() or ""
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    if a.build_type and a.build_type != "Release":
        progress(f"warning: this is a {a.build_type} build; benchmark a Release build (-DCMAKE_BUILD_TYPE=Release)")

    results = {"programs": {}, "gc": {}, "n": a.n, "python": a.python, "python_version": pyver,
               "commit": commit, "cpu": cpu, "cpus": os.cpu_count(), "load_before": load}
    t0 = time.time()
    sections = []
    if "programs" in only:
        progress("programs...")
        sections.append(("Programs: wall time of the whole process, median of %d runs per runtime" % a.n,
                         bench_programs(a, results)))
    if "gc" in only:
        progress("collector...")
        sections.append(("Collector: one full gc.collect(), timed inside the process, median of %d" % a.n,
                         bench_gc(a, results)))
    if "trace" in only:
        progress("trace...")
        sections.append(("Trace and timeline", bench_trace(a, results)[0]))
    if "scaling" in only:
        progress("scaling...")
        sections.append(("Scaling: wall time of the whole process, median of 3", bench_scaling(a, results)))
    if "gui" in only:
        progress("GUI...")
        sections.append(("GUI, headless", bench_gui(a, results)[0]))
    load_after = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    results["load_after"] = load_after

    print(f"gcscope bench — {commit}, {a.build_type or 'build type unknown'}; {a.python} {pyver}; "
          f"{cpu}, {os.cpu_count()} CPUs; load average {load:.2f} before, {load_after:.2f} after; "
          f"{time.time() - t0:.0f} s")
    for title, text in sections:
        print()
        print(f"### {title}")
        print()
        print(text)
    print()
    print("### Goals")
    print()
    print(goals(results))
    if a.json:
        with open(a.json, "w") as f:
            json.dump(results, f, indent=1)


if __name__ == "__main__":
    main()
