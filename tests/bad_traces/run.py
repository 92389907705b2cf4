#!/usr/bin/env python3
"""gcscope check on hostile traces: every one exits 2 with one clear line.

For each file listed in expected.txt, `gcscope check FILE` must exit 2,
print nothing on stdout and exactly one line on stderr that names the file
and contains the expected text.  Then, generated inputs: 100,000-deep
nesting, and a few hundred random mutations of a real trace (each must exit
0 or 2, never crash or hang).  A real trace matches assets/trace.schema.json
(when the jsonschema module is installed) and the README's worked example
checks.  Finally `gcscope trace` must leave nothing behind when its write
fails.  The corpus itself is written by make_corpus.py.
"""
import argparse
import os
import random
import resource
import signal
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))


def check(gcscope, path, timeout=20):
    r = subprocess.run([gcscope, "check", path], capture_output=True, timeout=timeout)
    return r.returncode, r.stdout.decode(errors="replace"), r.stderr.decode(errors="replace")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--gcscope", required=True)
    ap.add_argument("--program", required=True, help="a .py program to record for the generated cases")
    args = ap.parse_args()
    failures = []

    def fail(msg):
        failures.append(msg)
        print("FAIL:", msg)

    # ---------------------------------------------------------------- the corpus
    n = 0
    with open(os.path.join(HERE, "expected.txt"), encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            name, want = line.rstrip("\n").split("\t", 1)
            path = os.path.join(HERE, name)
            rc, out, err = check(args.gcscope, path)
            lines = err.splitlines()
            if rc != 2 or out or len(lines) != 1 or not lines[0].startswith("gcscope: " + path + ": ") or want not in err:
                fail(f"{name}: exit {rc}, stdout {out!r}, stderr {err!r}; wanted exit 2 and one line with {want!r}")
            n += 1

    with tempfile.TemporaryDirectory() as tmp:
        # ------------------------------------------------------------ deep nesting
        deep = os.path.join(tmp, "deep_nesting.json")
        with open(deep, "w") as f:
            f.write('{"format": "gcscope-trace", "version": 1, "extra": ' + "[" * 100000 + "]" * 100000 + "}")
        rc, out, err = check(args.gcscope, deep)
        if rc != 2 or "nesting deeper than" not in err or len(err.splitlines()) != 1:
            fail(f"deep nesting: exit {rc}, stderr {err!r}")
        deep2 = os.path.join(tmp, "deep_events.json")
        with open(deep2, "w") as f:
            f.write('{"format": "gcscope-trace", "version": 1, "events": ' + "[" * 100000)
        rc, out, err = check(args.gcscope, deep2)
        if rc != 2 or len(err.splitlines()) != 1:
            fail(f"deep events: exit {rc}, stderr {err!r}")
        n += 2

        # ------------------------------------------------------------ a real trace, then mutations
        good = os.path.join(tmp, "good.json")
        r = subprocess.run([args.gcscope, "trace", args.program, "-o", good], capture_output=True, timeout=60)
        if r.returncode != 0 or not os.path.exists(good):
            fail(f"gcscope trace {args.program}: exit {r.returncode}: {r.stderr!r}")
        else:
            rc, out, err = check(args.gcscope, good)
            if rc != 0:
                fail(f"the good trace does not check: {err!r}")
            try:  # the schema describes what the writer writes (when jsonschema is installed)
                import json
                import jsonschema
                schema_path = os.path.join(HERE, "..", "..", "assets", "trace.schema.json")
                with open(schema_path, encoding="utf-8") as f:
                    schema = json.load(f)
                with open(good, encoding="utf-8") as f:
                    jsonschema.validate(json.load(f), schema, cls=jsonschema.Draft202012Validator)
            except ImportError:
                pass
            except Exception as e:  # noqa: BLE001 - report any validation failure
                fail(f"the good trace does not match assets/trace.schema.json: {str(e)[:300]}")
            data = open(good, "rb").read()
            rng = random.Random(1234)
            mut = os.path.join(tmp, "mutated.json")
            for i in range(300):
                b = bytearray(data)
                what = rng.randrange(4)
                pos = rng.randrange(len(b))
                if what == 0:
                    b[pos] = rng.randrange(256)
                elif what == 1:
                    del b[pos:pos + rng.randrange(1, 40)]
                elif what == 2:
                    b[pos:pos] = rng.choice([b"[", b"]", b"{", b"}", b",", b'"', b"\\", b"-1", b"1e99", b"\xff"])
                else:
                    b = b[:pos]
                with open(mut, "wb") as f:
                    f.write(b)
                try:
                    rc, out, err = check(args.gcscope, mut)
                except subprocess.TimeoutExpired:
                    fail(f"mutation {i} hangs")
                    continue
                if rc not in (0, 2) or (rc == 2 and len(err.splitlines()) != 1):
                    fail(f"mutation {i} ({what} at {pos}): exit {rc}, stderr {err[-300:]!r}")
            n += 300

        # ------------------------------------------------------------ the README's worked example checks
        readme = open(os.path.join(HERE, "..", "..", "README.md"), encoding="utf-8").read()
        start = readme.find('```json\n{\n"format": "gcscope-trace"')
        if start < 0:
            fail("README.md has no worked example of a trace")
        else:
            body = readme[start + len("```json\n"):]
            example = os.path.join(tmp, "readme_example.json")
            with open(example, "w", encoding="utf-8") as f:
                f.write(body[:body.index("```")])
            rc, out, err = check(args.gcscope, example)
            if rc != 0:
                fail(f"the README's example trace does not check: {err!r}")
        n += 1

        # ------------------------------------------------------------ failed writes leave nothing behind
        out_dir = os.path.join(tmp, "out")
        os.mkdir(out_dir)
        target = os.path.join(out_dir, "t.json")

        def small_files():
            signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
            resource.setrlimit(resource.RLIMIT_FSIZE, (4096, 4096))

        r = subprocess.run([args.gcscope, "trace", args.program, "-o", target], capture_output=True,
                           preexec_fn=small_files, timeout=60)
        left = os.listdir(out_dir)
        if r.returncode != 2 or left or b"writing the trace failed" not in r.stderr:
            fail(f"failed write: exit {r.returncode}, left {left}, stderr {r.stderr!r}")
        r = subprocess.run([args.gcscope, "trace", args.program, "-o", os.path.join(tmp, "nope", "t.json")],
                           capture_output=True, timeout=60)
        if r.returncode != 2 or b"nope" not in r.stderr:
            fail(f"missing directory: exit {r.returncode}, stderr {r.stderr!r}")
        n += 2

    print(f"bad traces: {n} cases, {len(failures)} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
