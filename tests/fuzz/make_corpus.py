#!/usr/bin/env python3
"""Make the seed corpora for the libFuzzer targets (tests/fuzz/fuzz_*.c).

  make_corpus.py --out DIR [--gcscope PATH]

writes

  DIR/run/         every .py in tests/programs, tests/programs_tier2, tests/bad
                   and lessons (source text for fuzz_run)
  DIR/lesson/      the lessons, plus the programs (headerless scenarios)
  DIR/trace_json/  the hostile traces in tests/bad_traces and tests/bad, the
                   README's worked example and, with --gcscope, the traces
                   `gcscope trace` writes for a few small programs

and every input in tests/fuzz/regressions/TARGET/ (each crash the fuzzers
found, kept so the short CI run replays it first).

Files are named by content hash, so running it again changes nothing.
Standard library only.
"""
import argparse
import glob
import hashlib
import os
import subprocess
import sys
import tempfile

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))

# small programs whose traces make good seeds: every event kind, few objects
TRACE_PROGRAMS = [
    "tests/programs/scenario_linked_list_of_nodes.py",
    "tests/programs/del_statement_runs_destructor_immediately.py",
    "tests/programs/gc_cycle_split_across_generations.py",
    "tests/programs/gc_weakref_basics_and_refcount_path_order.py",
    "tests/programs/gc_collect_called_inside_a_finalizer_does_nothing.py",
    "tests/programs/sizes_list_growth_by_append_insert_and_pop.py",
]
MAX_SEED = 256 * 1024   # bigger seeds slow every mutation down


def put(directory, data):
    if len(data) > MAX_SEED:
        return 0
    name = hashlib.sha1(data).hexdigest()
    path = os.path.join(directory, name)
    if not os.path.exists(path):
        with open(path, "wb") as f:
            f.write(data)
    return 1


def read(path):
    with open(path, "rb") as f:
        return f.read()


def readme_example():
    """The complete trace in the README's "Trace files" section, or None."""
    try:
        text = read(os.path.join(ROOT, "README.md")).decode("utf-8")
    except OSError:
        return None
    start = text.find('```json\n{\n"format": "gcscope-trace"')
    if start < 0:
        return None
    body = text[start + len("```json\n"):]
    return body[:body.index("```")].encode("utf-8")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", required=True)
    ap.add_argument("--gcscope", help="gcscope binary, to record a few traces")
    args = ap.parse_args()
    dirs = {k: os.path.join(args.out, k) for k in ("run", "lesson", "trace_json")}
    for d in dirs.values():
        os.makedirs(d, exist_ok=True)
    counts = dict.fromkeys(dirs, 0)

    programs = []
    for pattern in ("tests/programs/*.py", "tests/programs_tier2/*.py", "tests/bad/*.py", "lessons/*.py"):
        programs += sorted(glob.glob(os.path.join(ROOT, pattern)))
    for p in programs:
        data = read(p)
        counts["run"] += put(dirs["run"], data)
        counts["lesson"] += put(dirs["lesson"], data)

    for p in sorted(glob.glob(os.path.join(ROOT, "tests/bad_traces/*.json"))
                    + glob.glob(os.path.join(ROOT, "tests/bad/*.json"))):
        counts["trace_json"] += put(dirs["trace_json"], read(p))
    for target, d in dirs.items():
        for p in sorted(glob.glob(os.path.join(ROOT, "tests/fuzz/regressions", target, "*"))):
            counts[target] += put(d, read(p))
    example = readme_example()
    if example:
        counts["trace_json"] += put(dirs["trace_json"], example)
    if args.gcscope:
        with tempfile.TemporaryDirectory() as tmp:
            for p in TRACE_PROGRAMS:
                out = os.path.join(tmp, "t.json")
                r = subprocess.run([args.gcscope, "trace", os.path.join(ROOT, p), "-o", out],
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=120)
                if r.returncode in (0, 1) and os.path.exists(out):
                    counts["trace_json"] += put(dirs["trace_json"], read(out))
                    os.unlink(out)
    print("seeds: " + ", ".join("%s %d" % kv for kv in counts.items()))
    return 0 if all(counts.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
