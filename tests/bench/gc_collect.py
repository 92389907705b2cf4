"""Time one gc.collect() inside CPython on a heap built by a gc_heap_*.py file.

usage: python3.11 gc_collect.py HEAP.py

Runs HEAP.py (which builds the heap with the collector disabled), then
times a single full gc.collect() with time.perf_counter() (and the CPU
time with time.process_time_ns()) and prints one JSON line:
{"metric": "gc_collect", "ns": ..., "cpu_ns": ..., "collected": ..., "tracked": ...}
("tracked" is the sum of the generation counts before the collection).
"""
import gc
import json
import sys
import time


def main():
    path = sys.argv[1]
    with open(path) as f:
        code = compile(f.read(), path, "exec")
    ns = {"__name__": "__main__"}
    exec(code, ns)
    tracked = sum(gc.get_count())  # objects waiting in the generations
    c0 = time.process_time_ns()
    t0 = time.perf_counter()
    collected = gc.collect()
    t1 = time.perf_counter()
    c1 = time.process_time_ns()
    print(json.dumps({"metric": "gc_collect", "ns": int((t1 - t0) * 1e9), "cpu_ns": c1 - c0,
                      "collected": collected, "tracked": tracked}))


main()
