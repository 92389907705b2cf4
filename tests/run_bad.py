#!/usr/bin/env python3
"""Hostile inputs end cleanly, with the documented exit code, in time.

  run_bad.py --gcscope PATH [--jobs N] [--timeout SECONDS] [--only SUBSTRING] [--list]

Every input in tests/bad (listed in tests/bad/expected.txt, which may also
name the fuzzers' regression inputs by their path from there), every input
GENERATED below (the ones too big to keep in the repository) and the
command-line CASES below are given to gcscope:

  NAME.json      gcscope check NAME.json
  anything else  gcscope run [ARGS] NAME

and each must
  * exit with one of its expected codes (1 the program raised, 2 bad usage
    or a malformed file, 3 a resource limit), never by a signal;
  * finish within the time bound (default 20 s, meant for an ASan+UBSan
    build);
  * print a non-empty message on stderr that names the file and contains
    the expected text;
  * print nothing that looks like a sanitizer report or a crash.

Scripts are then recorded with `gcscope trace` (into a fresh directory:
afterwards it holds the trace or nothing, never a temporary file; a run
that ended, even by an exception or a limit, leaves its trace) and the
trace must pass `gcscope check`.  When the build has the viewer, every
input without extra arguments is also rendered with `gcscope shot --end`,
which must end with 0-3 and write its PNG: the window shows the error and
stays usable.

The last line printed is always `N passed, M failed`.  Standard library only.
"""
import argparse
import concurrent.futures
import os
import re
import resource
import signal
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
BAD = os.path.join(HERE, "bad")

# What a sanitizer report, a failed assert or a crash leaves on stderr.
CRASH = re.compile(r"AddressSanitizer|LeakSanitizer|UndefinedBehaviorSanitizer|ThreadSanitizer|MemorySanitizer"
                   r"|runtime error:|^SUMMARY: |^==\d+==|Segmentation fault|core dumped|Assertion .* failed"
                   r"|stack smashing|double free|free\(\): |malloc\(\): |corrupted (size|double-linked)",
                   re.MULTILINE)


def big_tuple():
    return "x = (" + "1," * 1000000 + ")\nassert not x\n"


# name, how to make it (str or bytes), exit codes, text stderr must contain, extra arguments
GENERATED = [
    ("brackets_100000_deep.py", lambda: "[" * 100000, "1", "too many nested parentheses", ""),
    ("unary_minus_100000_deep.py", lambda: "x = " + "-" * 100000 + "1\n", "1", "MemoryError", ""),
    ("not_100000_deep.py", lambda: "x = " + "not " * 100000 + "1\n", "1", "MemoryError", ""),
    ("addition_chain_100000_long.py", lambda: "x = " + "1+" * 100000 + "1\n", "1", "RecursionError", ""),
    ("attribute_chain_100000_long.py", lambda: "x = a" + ".b" * 100000 + "\n", "1", "Error", ""),
    ("call_chain_100000_long.py", lambda: "f" + "()" * 100000 + "\n", "1", "Error", ""),
    ("subscript_chain_100000_long.py", lambda: "a" + "[0]" * 100000 + "\n", "1", "Error", ""),
    ("comparison_chain_100000_long.py", lambda: "a" + " < a" * 100000 + "\n", "1", "Error", ""),
    ("and_chain_100000_long.py", lambda: "a" + " and a" * 100000 + "\n", "1", "Error", ""),
    ("lambda_10000_deep.py", lambda: "f = " + "lambda: " * 10000 + "1\n", "1", "Error", ""),
    ("conditional_10000_deep.py", lambda: "x = " + "1 if a else " * 10000 + "1\n", "1", "Error", ""),
    ("adjacent_strings_100000.py", lambda: "x = " + "'a' " * 100000 + "\nassert not x\n", "1", "AssertionError", ""),
    ("tuple_literal_1000000_items.py", big_tuple, "1", "AssertionError", ""),
    ("dict_literal_50000_items.py",
     lambda: "x = {" + "".join("%d: %d, " % (i, i) for i in range(50000)) + "}\nassert not x\n",
     "1", "AssertionError", ""),
    ("function_with_20000_parameters.py",
     lambda: "def f(" + ", ".join("a%d" % i for i in range(20000)) + "):\n    return a0\nf()\n", "1", "TypeError", ""),
    ("identifier_1000000_long.py", lambda: "a" * 1000000 + " = 1\n1/0\n", "1", "ZeroDivisionError", ""),
    ("string_literal_10_megabytes.py", lambda: 'x = "' + "a" * 10000000 + '"\nassert not x\n', "1", "AssertionError", ""),
    ("comment_10_megabytes.py", lambda: "#" + "a" * 10000000 + "\n1/0\n", "1", "ZeroDivisionError", ""),
    ("one_million_lines.py", lambda: "pass\n" * 1000000 + "1/0\n", "1", "ZeroDivisionError", ""),
    ("line_of_10_megabytes_of_spaces.py", lambda: " " * 10000000 + "x = 1\n", "1", "IndentationError", ""),
    ("syntax_error_on_a_4_megabyte_line.py", lambda: "x = 1" + " + 1" * 1000000 + " +\n", "1", "SyntaxError", ""),
    ("fstring_100000_fields.py", lambda: 'x = f"' + "{1}" * 100000 + '"\nassert not x\n', "1", "AssertionError", ""),
    ("trace_100000_deep_arrays.json",
     lambda: '{"format": "gcscope-trace", "version": 1, "extra": ' + "[" * 100000 + "]" * 100000 + "}", "2", "nesting", ""),
    ("trace_100000_deep_objects.json",
     lambda: '{"format": "gcscope-trace", "version": 1, "x": ' + '{"a": ' * 100000 + "1" + "}" * 100000 + "}",
     "2", "nesting", ""),
    ("trace_event_kind_of_a_megabyte.json",
     lambda: '{"format": "gcscope-trace", "version": 1, "model": "cpython-3.11", "source": {"path": "x.py", '
             '"text": ""}, "counts": {"strings": 1, "objects": 0, "refs": 0, "events": 1, "output": 0}, '
             '"strings": [""], "output": "", "objects": [], "refs": [], "events": [["' + "k" * 1000000 + '", 0, 0, 0, 0, 0, 0, 0]]}',
     "2", "unknown event kind", ""),
    ("trace_source_of_20_megabytes.json",
     lambda: '{"format": "gcscope-trace", "version": 1, "model": "cpython-3.11", "source": {"path": "x.py", '
             '"text": "' + "x = 1\\n" * 3000000 + '"}, "counts": {"strings": 1, "objects": 0, "refs": 0, '
             '"events": 1, "output": 0}, "strings": [""], "output": "", "objects": [], "refs": [], "events": []}',
     "2", "counts.events", ""),
    ("trace_truncated_in_the_middle_of_200000_events.json",
     lambda: '{"format": "gcscope-trace", "version": 1, "model": "cpython-3.11", "source": {"path": "x.py", '
             '"text": "x = 1\\n"}, "counts": {"strings": 1, "objects": 0, "refs": 0, "events": 200000, "output": 0}, '
             '"strings": [""], "output": "", "objects": [], "refs": [], "events": [["frame_push", 0, 0, 0, 1, 0, 0, 0]'
             + ', ["line", 0, 0, 1, 1, 0, 0, 0]' * 100000, "2", "end of the document", ""),
]


class Case:
    def __init__(self, name, path, codes, text, args):
        self.name, self.path, self.text, self.args = name, path, text, args.split()
        # "own:TEXT": the program printed its own message (sys.exit("...")), which
        # names no file, as in CPython
        self.own = text.startswith("own:")
        if self.own:
            self.text = text[4:]
        self.codes = {int(c) for c in codes.split(",")}


def load_cases(tmp):
    cases = []
    with open(os.path.join(BAD, "expected.txt"), encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if line.startswith("#") or not line.strip():
                continue
            fields = line.rstrip("\n").split("\t")
            if len(fields) < 2:
                sys.exit("tests/bad/expected.txt:%d: want file<TAB>codes[<TAB>text[<TAB>args]]" % n)
            fields += [""] * (4 - len(fields))
            cases.append(Case(fields[0], os.path.join(BAD, fields[0]), *fields[1:4]))
    gen = os.path.join(tmp, "generated")
    os.mkdir(gen)
    for name, make, codes, text, args in GENERATED:
        data = make()
        with open(os.path.join(gen, name), "wb") as f:
            f.write(data.encode("utf-8") if isinstance(data, str) else data)
        cases.append(Case(name, os.path.join(gen, name), codes, text, args))
    return cases


def run(argv, timeout, cwd=None, preexec=None):
    """(exit code or None on timeout, stdout, stderr, seconds)."""
    start = time.monotonic()
    proc = subprocess.Popen(argv, cwd=cwd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, start_new_session=True, preexec_fn=preexec)
    try:
        out, err = proc.communicate(timeout=timeout)
        code = proc.returncode
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        out, err = proc.communicate()
        code = None
    return code, out.decode("utf-8", "replace"), err.decode("utf-8", "replace"), time.monotonic() - start


def judge(what, res, codes, timeout, name=None, text=""):
    """Problems with one command's result (empty list = fine)."""
    code, out, err, secs = res
    problems = []
    if code is None:
        return ["%s: did not finish within %g s" % (what, timeout)]
    if code < 0:
        problems.append("%s: killed by signal %d" % (what, -code))
    elif code not in codes:
        problems.append("%s: exit %d, wanted %s" % (what, code, "/".join(map(str, sorted(codes)))))
    m = CRASH.search(err)
    if m:
        problems.append("%s: stderr has a crash report (%r)" % (what, m.group(0)))
    if code in (1, 2, 3):
        if not err.strip():
            problems.append("%s: exit %d with nothing on stderr" % (what, code))
        elif name and name not in err:
            problems.append("%s: the message does not name the file %r" % (what, name))
    if text and text not in err:
        problems.append("%s: stderr does not contain %r" % (what, text))
    if problems:
        tail = err.strip().splitlines()[-6:]
        problems += ["    | " + l[:200] for l in tail]
    return problems


def check_case(c, args, tmp):
    problems = []
    gcscope, timeout = args.gcscope, args.timeout
    cwd = os.path.dirname(c.path)
    base = os.path.basename(c.path)  # given from its own directory, as a user would
    is_trace = base.endswith(".json")
    cmd = [gcscope, "check", base] if is_trace else [gcscope, "run"] + c.args + [base]
    problems += judge(" ".join(["gcscope"] + cmd[1:]), run(cmd, timeout, cwd), c.codes, timeout,
                      None if c.own else base, c.text)
    if not is_trace:
        # record it: the directory then holds the trace or nothing, and the trace checks
        out_dir = tempfile.mkdtemp(dir=tmp)
        out = os.path.join(out_dir, "t.json")
        targs = list(c.args)
        if "--max-events" not in targs:
            targs += ["--max-events", "300000"]  # a smaller trace; a limit may now come first
        res = run([gcscope, "trace"] + targs + [base, "-o", out], timeout, cwd)
        problems += judge("gcscope trace", res, c.codes | {3}, timeout, None if c.own else base)
        left = sorted(os.listdir(out_dir))
        if left not in ([], ["t.json"]):
            problems.append("gcscope trace: left %s behind" % left)
        if res[0] in (0, 3) and left != ["t.json"]:  # 1 may be a syntax error: nothing ran, nothing to save
            problems.append("gcscope trace: exit %d but no trace written" % res[0])
        if "t.json" in left:
            problems += judge("gcscope check (of its trace)", run([gcscope, "check", out], timeout * 2), {0}, timeout * 2)
            os.unlink(out)
        os.rmdir(out_dir)
    if args.shot and not c.args:
        png = os.path.join(tmp, base + ".png")
        res = run([gcscope, "shot", base, "--end", "--size", "640x400", "-o", png], timeout, cwd)
        problems += judge("gcscope shot", res, {0, 1, 2, 3}, timeout)
        if res[0] is not None and res[0] >= 0 and not os.path.exists(png):
            problems.append("gcscope shot: exit %d and no PNG (the window would have nothing to show)" % res[0])
        if os.path.exists(png):
            os.unlink(png)
    return problems


# ---------------------------------------------------------------- command-line cases


def small_files(limit):
    def pre():
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
    return pre


def cli_cases(args, tmp):
    """(name, function returning problems) for hostile command lines."""
    g, t = args.gcscope, args.timeout
    prog = os.path.join(BAD, "recursion_plain.py")
    cases = []

    def usage(name, argv, want_text):
        cases.append((name, lambda: judge("gcscope " + " ".join(argv), run([g] + argv, t, tmp), {2}, t, None, want_text)))

    usage("run_a_missing_file", ["run", "no_such_file.py"], "no_such_file.py")
    usage("run_a_directory", ["run", BAD], BAD)
    usage("check_a_missing_file", ["check", "no_such_trace.json"], "no_such_trace.json")
    usage("check_a_directory", ["check", BAD], BAD)
    usage("max_events_not_a_number", ["run", "--max-events", "lots", prog], "--max-events")
    usage("max_events_zero", ["run", "--max-events", "0", prog], "--max-events")
    usage("max_events_negative", ["run", "--max-events", "-5", prog], "--max-events")
    usage("max_events_past_64_bits", ["run", "--max-events", "99999999999999999999999", prog], "--max-events")
    usage("max_memory_zero", ["run", "--max-memory", "0", prog], "--max-memory")
    usage("max_memory_past_64_bits", ["run", "--max-memory", "99999999999999999999", prog], "--max-memory")
    usage("gc_detail_zero", ["run", "--record", "--gc-detail", "0", prog], "--gc-detail")
    usage("gc_detail_words", ["trace", prog, "-o", os.path.join(tmp, "x.json"), "--gc-detail", "some"], "--gc-detail")
    usage("unknown_option", ["run", "--frobnicate", prog], "--frobnicate")
    usage("trace_without_output", ["trace", prog], "usage")

    def failed_write(name, out, want, preexec=None, before=None):
        def f():
            d = os.path.dirname(out)
            if before is not None:
                with open(out, "w") as fh:
                    fh.write(before)
            listing = sorted(os.listdir(d)) if os.path.isdir(d) else None
            res = run([g, "trace", prog, "-o", out], t, tmp, preexec)
            problems = judge("gcscope trace -o " + out, res, {2}, t, out, want)
            if listing is not None and sorted(os.listdir(d)) != listing:
                problems.append("a failed write left %s" % sorted(set(os.listdir(d)) - set(listing)))
            if before is not None and open(out).read() != before:
                problems.append("a failed write changed the file that was there")
            return problems
        cases.append((name, f))

    d0 = os.path.join(tmp, "write0")
    os.makedirs(os.path.join(d0, "t.json"))
    d1 = os.path.join(tmp, "write1")
    os.mkdir(d1)
    failed_write("trace_into_a_missing_directory", os.path.join(tmp, "no", "such", "dir", "t.json"), "No such file")
    failed_write("trace_onto_a_directory", os.path.join(d0, "t.json"), "Is a directory")
    failed_write("trace_onto_a_full_disk", os.path.join(d1, "t.json"), "writing the trace failed",
                 small_files(4096), before="an older trace\n")
    if os.path.exists("/dev/full"):
        def dev_full():
            res = run([g, "trace", prog, "-o", "/dev/full"], t, tmp)
            problems = judge("gcscope trace -o /dev/full", res, {2}, t, "/dev/full", "No space left")
            if not os.path.exists("/dev/full") or os.path.isfile("/dev/full"):
                problems.append("/dev/full was replaced by a file")
            return problems
        cases.append(("trace_onto_dev_full", dev_full))
    if os.geteuid() != 0:
        ro = os.path.join(tmp, "read_only")
        os.mkdir(ro, 0o555)
        failed_write("trace_into_a_read_only_directory", os.path.join(ro, "t.json"), "Permission denied")
    if args.shot:
        def shot_fails(name, out, preexec, want):
            def f():
                d = os.path.dirname(out)
                listing = sorted(os.listdir(d)) if os.path.isdir(d) else None
                res = run([g, "shot", prog, "--end", "-o", out], t, tmp, preexec)
                problems = judge("gcscope shot -o " + out, res, {2}, t, out, want)
                if listing is not None and sorted(os.listdir(d)) != listing:
                    problems.append("a failed write left %s" % sorted(set(os.listdir(d)) - set(listing)))
                return problems
            cases.append((name, f))
        d2 = os.path.join(tmp, "write2")
        os.mkdir(d2)
        shot_fails("shot_into_a_missing_directory", os.path.join(tmp, "nope", "x.png"), None, "x.png")
        shot_fails("shot_onto_a_full_disk", os.path.join(d2, "x.png"), small_files(2048), "x.png")
    return cases


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--gcscope", required=True)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--timeout", type=float, default=20.0, help="seconds per command (default 20)")
    ap.add_argument("--only", help="run the cases whose name contains this")
    ap.add_argument("--list", action="store_true", help="list the cases and exit")
    args = ap.parse_args()
    args.gcscope = os.path.abspath(args.gcscope)
    helptext = subprocess.run([args.gcscope, "--help"], capture_output=True, text=True).stdout
    args.shot = "gcscope shot" in helptext
    start = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="gcscope-bad-") as tmp:
        cases = load_cases(tmp)
        cli = cli_cases(args, tmp)
        work = [(c.name, (lambda c=c: check_case(c, args, tmp))) for c in cases] + cli
        if args.only:
            work = [w for w in work if args.only in w[0]]
        if args.list:
            for name, _ in work:
                print(name)
            return 0
        with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
            results = list(pool.map(lambda w: (w[0], w[1]()), work))
    failed = 0
    for name, problems in results:
        if problems:
            failed += 1
            print("FAIL %s" % name)
            for p in problems:
                print("    " + p if not p.startswith("    ") else p)
    print("hostile inputs: %d stored, %d generated, %d command lines; %.0f s%s"
          % (sum(1 for c in cases if c.path.startswith(BAD)), len(GENERATED), len(cli),
             time.monotonic() - start, "" if args.shot else " (no viewer in this build: shot skipped)"))
    print("%d passed, %d failed" % (len(results) - failed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
