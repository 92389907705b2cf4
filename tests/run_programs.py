#!/usr/bin/env python3
"""Differential program tests for gcscope.

Every NAME.py in the programs directory has two expectation files written by
the reference interpreter (CPython 3.11):

  NAME.out   stdout, byte for byte
  NAME.exit  line 1: the exit code; line 2: the last non-empty line of stderr
             (empty when stderr was empty)

and programs named traceback_* or stderr_* one more, compared byte for byte too:

  NAME.err   the whole of stderr (the traceback's entries, source lines and
             the carets under them; warnings)

Modes:

  run_programs.py check --gcscope PATH [--record] [--check-refcounts] [--dir DIR] [--jobs N]
                        [--wrapper 'CMD ARGS'] [--timeout SECONDS]
      run `PATH run [--record] NAME.py` (cwd = DIR) for every program and
      compare with the stored expectations.  The last line printed is always
      `N passed, M failed`; the exit status is 1 if anything failed.
      --wrapper runs gcscope under a command (split like a shell would), e.g.
      'valgrind --error-exitcode=99 --leak-check=full'; its own report on
      stderr is shown with the failure.

  run_programs.py regen [--python PATH] [--dir DIR] [--jobs N] [--verify]
      run the reference interpreter (default /usr/bin/python3.11) the same
      way and write NAME.out / NAME.exit.  With --verify nothing is written;
      instead the run fails if a stored expectation differs from what the
      reference prints now ("drift").  If PATH is not CPython 3.11, --verify
      prints `skipped: <reason>` and exits 0.

  run_programs.py live --gcscope PATH [--python PATH] [--record] [--dir DIR] [--jobs N]
      no stored expectations: run every NAME.py under the reference
      interpreter and under `PATH run` (same cwd and environment rules as
      regen and check) and compare stdout, exit code and last stderr line
      directly.  Used for the lessons, which change too often to keep .out
      files.  The last line printed is always `N passed, M failed`; if PATH
      is not CPython 3.11 the run prints `skipped: <reason>` first and
      counts nothing.

Standard library only.
"""

import argparse
import concurrent.futures
import os
import shlex
import signal
import subprocess
import sys

TIMEOUT = 10.0
DEFAULT_PYTHON = "/usr/bin/python3.11"
DEFAULT_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "programs")


# ----------------------------------------------------------------------------
# running one program


class Result:
    def __init__(self, stdout=b"", code=None, last_err="", error=None, stderr=b""):
        self.stdout = stdout      # bytes
        self.code = code          # int or None
        self.last_err = last_err  # str
        self.error = error        # str: timeout / could not start
        self.stderr = stderr      # bytes, all of it


def last_nonempty_line(data):
    text = data.decode("utf-8", errors="replace")
    for line in reversed(text.splitlines()):
        if line.strip():
            return line.rstrip()
    return ""


def run_one(argv, cwd, env=None, timeout=None):
    try:
        proc = subprocess.Popen(
            argv,
            cwd=cwd,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            start_new_session=True,  # so a timeout can kill the whole group
        )
    except OSError as exc:
        return Result(error="could not start %s: %s" % (argv[0], exc))
    try:
        out, err = proc.communicate(timeout=timeout or TIMEOUT)
    except subprocess.TimeoutExpired:
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except OSError:
            proc.kill()
        out, err = proc.communicate()
        return Result(stdout=out, error="timed out after %g s" % (timeout or TIMEOUT))
    return Result(out, proc.returncode, last_nonempty_line(err), stderr=err)


def describe_code(code):
    if code is not None and code < 0:
        return "%d (killed by signal %d)" % (code, -code)
    return str(code)


# ----------------------------------------------------------------------------
# expectations


def exit_text(code, last_err):
    return "%d\n%s\n" % (code, last_err)


def read_expectation(directory, name):
    """Return (stdout_bytes, code, last_err) or raise OSError/ValueError."""
    base = os.path.join(directory, name)
    with open(base + ".out", "rb") as f:
        out = f.read()
    with open(base + ".exit", "r", encoding="utf-8", newline="\n") as f:
        lines = f.read().split("\n")
    code = int(lines[0].strip())
    last_err = lines[1].rstrip() if len(lines) > 1 else ""
    return out, code, last_err


def first_difference(expected, got):
    """A readable description of the first differing stdout line."""
    exp_lines = expected.decode("utf-8", errors="replace").splitlines(keepends=True)
    got_lines = got.decode("utf-8", errors="replace").splitlines(keepends=True)
    for i in range(max(len(exp_lines), len(got_lines))):
        e = exp_lines[i] if i < len(exp_lines) else None
        g = got_lines[i] if i < len(got_lines) else None
        if e != g:
            msg = ["    stdout differs at line %d (expected %d lines, got %d):"
                   % (i + 1, len(exp_lines), len(got_lines))]
            msg.append("      expected: %s" % ("<end of output>" if e is None else repr(e)))
            msg.append("      got:      %s" % ("<end of output>" if g is None else repr(g)))
            if i > 0:
                msg.append("      (after line: %r)" % exp_lines[i - 1])
            return "\n".join(msg)
    return "    stdout differs (in bytes that do not decode as UTF-8)"


def whole_stderr(name):
    """Whether the whole of a program's stderr is expected (NAME.err)."""
    return name.startswith("traceback_") or name.startswith("stderr_")


def compare(name, directory, res):
    """Return a list of problem descriptions (empty = pass)."""
    try:
        exp_out, exp_code, exp_err = read_expectation(directory, name)
        exp_whole = None
        if whole_stderr(name):
            with open(os.path.join(directory, name) + ".err", "rb") as f:
                exp_whole = f.read()
    except (OSError, ValueError) as exc:
        return ["    missing or unreadable expectation: %s" % exc]
    problems = compare_to(exp_out, exp_code, exp_err, res)
    got = here_relative(res.stderr, directory)
    if exp_whole is not None and res.error is None and got != exp_whole:
        problems.append("    stderr differs:\n      expected: %r\n      got:      %r"
                        % (exp_whole.decode("utf-8", "replace"), got.decode("utf-8", "replace")))
    return problems


def here_relative(err, directory):
    """stderr with the programs directory's path taken out of the file
    names a traceback gives (python3.11 names the script by its absolute
    path), so that expectations hold in any checkout."""
    return err.replace((directory + os.sep).encode("utf-8"), b"")


def compare_to(exp_out, exp_code, exp_err, res):
    """Problems with `res` against an expected stdout, exit code and last
    stderr line (empty list = pass)."""
    problems = []
    if res.error:
        problems.append("    " + res.error)
    if res.stdout != exp_out:
        problems.append(first_difference(exp_out, res.stdout))
    if res.error is None:
        if res.code != exp_code:
            problems.append("    exit code: expected %d, got %s"
                            % (exp_code, describe_code(res.code)))
        if res.last_err != exp_err:
            problems.append("    last stderr line:\n      expected: %r\n      got:      %r"
                            % (exp_err, res.last_err))
    return problems


# ----------------------------------------------------------------------------
# modes


def list_programs(directory):
    try:
        names = os.listdir(directory)
    except OSError as exc:
        sys.exit("cannot list %s: %s" % (directory, exc))
    return sorted(n[:-3] for n in names if n.endswith(".py"))


def run_all(names, make_argv, directory, env, jobs, timeout=None):
    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:
        futures = {n: pool.submit(run_one, make_argv(n), directory, env, timeout) for n in names}
        return {n: f.result() for n, f in futures.items()}


def cmd_check(args):
    directory = os.path.abspath(args.dir)
    gcscope = os.path.abspath(args.gcscope)
    names = list_programs(directory)

    wrapper = shlex.split(args.wrapper) if args.wrapper else []

    def argv(name):
        a = wrapper + [gcscope, "run"]
        if args.record:
            a.append("--record")
        if args.check_refcounts:
            a.append("--check-refcounts")
        return a + [name + ".py"]

    results = run_all(names, argv, directory, None, args.jobs, args.timeout)
    passed = failed = 0
    for name in names:
        problems = compare(name, directory, results[name])
        if problems and wrapper:
            # the wrapper's report (valgrind's "==PID==" lines) says why
            report = results[name].stderr.decode("utf-8", errors="replace").splitlines()
            problems += ["    | " + l for l in report[-60:]]
        if problems:
            failed += 1
            print("FAIL %s.py" % name)
            for p in problems:
                print(p)
        else:
            passed += 1
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


def reference_env():
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    env["PYTHONHASHSEED"] = "0"
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    env["PYTHONIOENCODING"] = "utf-8"
    return env


def python_version_problem(python, env):
    """None if `python` is CPython 3.11, else a reason."""
    try:
        proc = subprocess.run(
            [python, "-c", "import sys; print(sys.version_info[:2]); "
                           "print(sys.implementation.name)"],
            env=env, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
            stderr=subprocess.PIPE, timeout=TIMEOUT)
    except (OSError, subprocess.TimeoutExpired) as exc:
        return "cannot run %s: %s" % (python, exc)
    lines = proc.stdout.decode("utf-8", errors="replace").split("\n")
    if proc.returncode != 0 or len(lines) < 2:
        return "%s did not report its version" % python
    if lines[0].strip() != "(3, 11)":
        return "%s is Python %s, not 3.11" % (python, lines[0].strip())
    if lines[1].strip() != "cpython":
        return "%s is %s, not CPython" % (python, lines[1].strip())
    return None


def cmd_regen(args):
    directory = os.path.abspath(args.dir)
    env = reference_env()
    problem = python_version_problem(args.python, env)
    if problem:
        if args.verify:
            print("skipped: %s" % problem)
            return 0
        print("error: %s" % problem)
        return 2

    names = list_programs(directory)
    results = run_all(names, lambda n: [args.python, n + ".py"], directory, env, args.jobs)

    errors = []
    for name in names:
        if results[name].error:
            errors.append("%s.py: %s" % (name, results[name].error))
    if errors:
        for e in errors:
            print("error: " + e)
        return 2

    if args.verify:
        drift = []
        for name in names:
            problems = compare(name, directory, results[name])
            if problems:
                drift.append(name)
                print("DRIFT %s.py" % name)
                for p in problems:
                    print(p)
        stale = sorted(
            n for n in os.listdir(directory)
            if (n.endswith(".out") or n.endswith(".exit") or n.endswith(".err"))
            and n.rsplit(".", 1)[0] not in names)
        for n in stale:
            print("STALE %s (no matching .py)" % n)
        if drift or stale:
            print("drift in %d of %d programs; run regen to update"
                  % (len(drift) + len(stale), len(names)))
            return 1
        print("%d programs verified, no drift" % len(names))
        return 0

    written = 0
    for name in names:
        res = results[name]
        base = os.path.join(directory, name)
        new_exit = exit_text(res.code, res.last_err).encode("utf-8")
        files = [(base + ".out", res.stdout), (base + ".exit", new_exit)]
        if whole_stderr(name):
            files.append((base + ".err", here_relative(res.stderr, directory)))
        for path, data in files:
            try:
                with open(path, "rb") as f:
                    if f.read() == data:
                        continue
            except OSError:
                pass
            with open(path, "wb") as f:
                f.write(data)
            written += 1
    print("regenerated %d programs (%d files changed)" % (len(names), written))
    return 0


def cmd_live(args):
    directory = os.path.abspath(args.dir)
    gcscope = os.path.abspath(args.gcscope)
    env = reference_env()
    problem = python_version_problem(args.python, env)
    if problem:
        print("skipped: %s" % problem)
        print("0 passed, 0 failed")
        return 0

    names = list_programs(directory)

    def gcscope_argv(name):
        a = [gcscope, "run"]
        if args.record:
            a.append("--record")
        return a + [name + ".py"]

    reference = run_all(names, lambda n: [args.python, n + ".py"], directory, env, args.jobs)
    results = run_all(names, gcscope_argv, directory, None, args.jobs)
    passed = failed = 0
    for name in names:
        ref = reference[name]
        if ref.error:
            problems = ["    reference interpreter: %s" % ref.error]
        else:
            problems = compare_to(ref.stdout, ref.code, ref.last_err, results[name])
        if problems:
            failed += 1
            print("FAIL %s.py" % name)
            for p in problems:
                print(p)
        else:
            passed += 1
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="mode", required=True)

    p = sub.add_parser("check", help="run gcscope and compare with expectations")
    p.add_argument("--gcscope", required=True, help="path to the gcscope binary")
    p.add_argument("--record", action="store_true", help="pass --record to gcscope run")
    p.add_argument("--check-refcounts", action="store_true",
                   help="pass --check-refcounts: every refcount is recomputed from its holders at each line "
                        "(a mismatch is printed last on stderr, so the comparison fails)")
    p.add_argument("--dir", default=DEFAULT_DIR)
    p.add_argument("--jobs", type=int, default=2)
    p.add_argument("--wrapper", default="",
                   help="run gcscope under this command, e.g. 'valgrind --error-exitcode=99 --leak-check=full'")
    p.add_argument("--timeout", type=float, default=None,
                   help="seconds each program may take (default %g)" % TIMEOUT)
    p.set_defaults(func=cmd_check)

    p = sub.add_parser("regen", help="write expectations with the reference Python")
    p.add_argument("--python", default=DEFAULT_PYTHON)
    p.add_argument("--dir", default=DEFAULT_DIR)
    p.add_argument("--jobs", type=int, default=2)
    p.add_argument("--verify", action="store_true",
                   help="write nothing; fail if stored expectations drifted")
    p.set_defaults(func=cmd_regen)

    p = sub.add_parser("live", help="run the reference Python and gcscope side by side and compare")
    p.add_argument("--gcscope", required=True, help="path to the gcscope binary")
    p.add_argument("--python", default=DEFAULT_PYTHON)
    p.add_argument("--record", action="store_true", help="pass --record to gcscope run")
    p.add_argument("--dir", default=DEFAULT_DIR)
    p.add_argument("--jobs", type=int, default=2)
    p.set_defaults(func=cmd_live)

    args = parser.parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
