#!/usr/bin/env python3
"""Random programs that lean on the collector's counters, run under python3.11 and gcscope.

  random_gc.py --gcscope PATH [--python /usr/bin/python3.11] [--weak] [--first N] [--count N]

Each program is 60 statements drawn at random (seeded: program k is the same
everywhere) from the kinds below: allocations, cycles, classes, calls,
exceptions, generators, comprehensions, prints and formatting, and with
--weak also weakref.finalize, weak dictionaries, __del__ and weakref
callbacks.  Thresholds are small (5 to 700) so automatic collections
happen; the programs print gc.get_count() and a gc.callbacks log along the
way.  A program passes when its stdout and last stderr line are the same
under both.  This is how the closing notes count "get_count/automatic
collection timing cases that match".  ctest runs the first 300 plain ones
(`random_programs_match_cpython_counts_and_collection_timing`, about 6 s).  The reference runs without PYTHON* variables (PYTHONUNBUFFERED
changes what sys.stdout allocates).  Standard library only.
"""
import argparse
import os
import random
import subprocess
import sys
import tempfile

POOL = [
 "x = []", "x = [1, 2, 3]", "x = {}", "x = {'a': 1}", "x = (a, b)", "x = A()", "x = B(1)", "x = B(v=2)",
 "oa.m()", "x = oa.m", "f(1)", "f(y=1)", "x = lambda: 1", "for i in range(3): pass", "for i in L: pass",
 "for k, v in D.items(): pass", "for i, v in enumerate(L): pass", "L2.append([])", "s = 'a' + str(1)",
 "x = list(L)", "x = dict(D)", "x = tuple(L)", "x = set(L)", "x = []\nx.append(x)", "y = A()\ny.me = y",
 "p = A(); q = A(); p.o = q; q.o = p", "o.z = []", "try:\n    raise ValueError('x')\nexcept ValueError:\n    pass",
 "x = sorted(L)", "x = L[1:2]", "p, q = 1, 2", "for v in gen(): pass", "s = f'{a} {L}'", "x = D.get('a')",
 "x = list(D.keys())", "x = {1, 2}", "x = [[1], [2], (3,)]", "r = weakref.ref(oa)", "x = ','.join(['a', 'b'])",
 "print(L)", "print(D, T)", "x = max(L)", "x = min(1, 2)", "x = max(L, key=abs)", "x = '{} {}'.format(1, 2)",
 "x = hasattr(oa, 'zz')", "x = getattr(oa, 'zz', None)", "x = list(zip(L, L))", "x = [i * 2 for i in L]",
 "x = {k: v for k, v in D.items()}", "x = tuple(i for i in L)", "D2.update({'c': 3})", "D2.update(d=4)",
 "x = 'abc'.find('b')", "x = 'abc'.startswith(('a', 'b'))", "x = repr(T)", "x = str(D)", "x = 0\ndel x",
 "x = C2()", "x = [A() for _ in range(3)]", "G.append(A())", "if G: G.pop()", "x = dict(a=1)",
 "x = list(map(abs, L))", "x = any(v > 2 for v in L)", "x = sum(L)", "x = isinstance(oa, (int, A))",
 "x = type(oa)", "x = len(D)", "x = divmod(7, 2)", "x = next(iter(L))", "x = reversed(L)",
 "x = [1, 2] + [3]", "x = L * 2", "x = T + T", "x = 2 in L", "x = D.setdefault('q', [])",
 "x = {**D}", "x = [*L]", "x = (*L,)", "x = str(1) + str(2)", "x = int('5')", "x = float(1)",
 "x = B(A())", "x = A(); x.self = x; del x", "z = [[]]; z[0].append(z); del z",
]

WEAK_POOL = POOL + [
 "fz = weakref.finalize(A(), print, 'fin')", "fa = A(); fz = weakref.finalize(fa, print, 'fin2'); del fa",
 "fb = A(); fb.me = fb; fz = weakref.finalize(fb, lambda: None); del fb",
 "WV['k'] = A()", "kk = A(); WV['j'] = kk", "WK[oa] = 1", "kw = A(); WK[kw] = 2; del kw",
 "d1 = D1(); del d1", "d2 = D1(); d2.me = d2; del d2", "r2 = weakref.ref(A(), cbw)", "ra = A(); r3 = weakref.ref(ra, cbw); del ra",
 "rb = A(); rb.me = rb; r4 = weakref.ref(rb, cbw); del rb", "x = len(WV)", "x = list(WK.keys())", "x = gc.collect()",
 "x = gc.collect(0)", "x = gc.collect(1)", "x = len(gc.get_objects(0))",
]

HDR = '''import gc, weakref
class A:
    def m(self): return 1
class B:
    def __init__(self, v): self.v = v
class C2(B):
    def __init__(self): super().__init__(2)
def f(a=0, y=0): return a
def gen():
    yield 1
    yield 2
oa = A()
o = B(1)
L = [3, 1, 2]
T = (1, 2)
D = {'a': 1, 'b': 2}
D2 = {}
G = []
L2 = []
a = 1; b = 2
log = []
def cb(phase, info):
    if phase == 'stop':
        log.append((info['generation'], info['collected']))
gc.callbacks.append(cb)
'''

WEAK_HDR = HDR + '''class D1:
    def __del__(self):
        print('del D1')
def cbw(r):
    print('cb')
WV = weakref.WeakValueDictionary()
WK = weakref.WeakKeyDictionary()
'''


def program(seed, weak, n=60):
    rnd = random.Random(seed)
    pool = WEAK_POOL if weak else POOL
    out = [WEAK_HDR if weak else HDR]
    t0 = rnd.choice([5, 10, 20, 50, 100, 700])
    out.append("gc.collect()\ngc.set_threshold(%d, %d, %d)\n" % (t0, rnd.randint(1, 5), rnd.randint(1, 5)))
    for i in range(n):
        out.append(rnd.choice(pool) + "\n")
        if rnd.random() < 0.15:
            out.append("print(%d, gc.get_count(), log[-3:])\n" % i)
    out.append("print('end', gc.get_count(), len(log), log[-5:])\n")
    return "".join(out)


def run(argv):
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    p = subprocess.run(argv, capture_output=True, env=env, timeout=60)
    err = [l for l in p.stderr.decode(errors="replace").splitlines() if l.strip()]
    return p.stdout, p.returncode, err[-1] if err else ""


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--gcscope", required=True)
    ap.add_argument("--python", default="/usr/bin/python3.11")
    ap.add_argument("--weak", action="store_true", help="add the weakref and finalizer statements")
    ap.add_argument("--first", type=int, default=0)
    ap.add_argument("--count", type=int, default=200)
    args = ap.parse_args()
    if not os.path.exists(args.python):
        print("skipped: %s is not installed" % args.python)
        return 0
    same = 0
    with tempfile.TemporaryDirectory() as tmp:
        for seed in range(args.first, args.first + args.count):
            path = os.path.join(tmp, "p%d.py" % seed)
            with open(path, "w") as f:
                f.write(program(seed, args.weak))
            a = run([args.python, path])
            b = run([args.gcscope, "run", path])
            if a == b:
                same += 1
            else:
                print("differs: program %d%s" % (seed, " --weak" if args.weak else ""))
    print("%d of %d programs match" % (same, args.count))
    return 0 if same == args.count else 1


if __name__ == "__main__":
    sys.exit(main())
