# Generates tests/unit/syntax_errors.txt from python3.11 itself.
import subprocess, sys, re, os
cases = [
 # tokenizer
 b"x = (1,\n", b"x = (\n", b"x = )\n", b"x = (1]\n", b"x = (1,\n2]\n", b"x = [1,\n  2,\n", b"foo(a, [1, 2)\n",
 b"x = \"abc\n", b"x = 'abc\n", b"x = \"\"\"abc\n\n", b"x = '''abc", b"x = \"abc", b"x = f\"abc\n", b"s = rb'abc\n",
 b"x = 1 \\ 2\n", b"x = 1 \\", b"x = 1\\\n", b"x = \\\n", b"if 1:\n  \\\n",
 "x = \u20ac\n".encode(), "x = \u00a0\n".encode(), "a = 1\nb = 2 \u2013 1\n".encode(), "x = 1\ny\u00a0= 2\n".encode(), "\u00e9t\u00e9 = 1\nx = $\n".encode(),
 b"x = $\n", b"x = ?\n", b"x = a!b\n", b"x = `\n",
 b"x = 1a\n", b"x = 123a\n", b"x = 0x\n", b"x = 0xg\n", b"x = 0b12\n", b"x = 0b1a\n", b"x = 0o8\n", b"x = 0o18\n",
 b"x = 1_\n", b"x = 1__2\n", b"x = 1e\n", b"x = 1e+\n", b"x = 1.5a\n", b"x = 012\n", b"x = 0012\n", b"x = 1.2.3\n",
 b"x = 1\n\xff = 2\n", b"y = \"\xc3\x28\"\n", b"# \xe9\n", b"x = 1 +\ny = '\xff'\n",
 b"print(1)\0 garbage(\nprint(2)\n", b"print(\"a\0b\")\nprint(2)\n", b"x = (\0\nprint(2)\n", b"print(1)\n  \0\nprint(2)\n",
 # indentation
 b"if 1:\n\tx = 1\n        y = 2\n", b"if 1:\n        x = 1\n\ty = 2\n", b"if 1:\n    x = 1\n  y = 2\n",
 b"  x = 1\n", b"x = 1\n    y = 2\n", b"  \n x\n", b"if 1:\nx = 1\n", b"if 1:\n", b"if 1:\n\n\n", b"if 1:\n  # c\n",
 b"if 1:\n    pass\nelse:\nx\n", b"if 1:\n    pass\nelif 2:\nx\n", b"while 1:\nx\n", b"for x in y:\n", b"for x in y:\npass\n",
 b"def f():\nreturn\n", b"class A:\npass\n", b"try:\nx\n", b"try:\n    x\nexcept:\ny\n", b"try:\n    x\nexcept E as e:\ny\n",
 b"try:\n    x\nfinally:\ny\n", b"with a as b:\nx\n", b"def f():\n    if x:\n    y = 1\n", b"def f():\n  x = 1\n    y = 2\n",
 b"for x in y:\n    pass\nelse:\npass\n", b"while 1:\n    pass\nelse:\n",
 # expected ':'
 b"if x\n  pass\n", b"while x\n  pass\n", b"for x in y\n  pass\n", b"def f()\n  pass\n", b"class A\n  pass\n",
 b"class A(B)\n  pass\n", b"try\n  pass\n", b"with a as b\n  pass\n", b"if x:\n  pass\nelse\n  pass\n",
 b"if x:\n  pass\nelif y\n  pass\n", b"try:\n  pass\nexcept\n  pass\n", b"try:\n  pass\nexcept E\n  pass\n",
 b"try:\n  pass\nfinally\n  pass\n", b"if x y:\n  pass\n", b"def f() x:\n  pass\n", b"def f x:\n  pass\n",
 b"class A x:\n  pass\n", b"try x:\n  pass\n", b"try:\n  pass\n", b"try:\n  pass\nx = 1\n", b"while x y:\n  pass\n",
 # generic
 b"x = a b\n", b"x = 1 +\n", b"x = 1 +", b"f(a b)\n", b"[a b]\n", b"x = (1 2)\n", b"{a b}\n", b"f(a, b c)\n", b"print 'hello'\n",
 b"print x\n", b"x = 1 if y\n", b"x = 1 if y else\n", b"a.1\n", b"def f(:\n  pass\n", b"x = [1, 2\ny = 3\n",
 b"x = (1,\ny = 3\n", b"if x:\n  pass\n  else:\n  pass\n", b"else:\n  pass\n", b"x +\n", b"lambda x\n", b"import\n",
 b"from x import\n", b"from x import a,\n", b"from . import *, a\n", b"def f(*):\n  pass\n", b"def f(*, **k):\n  pass\n",
 b"x = yield = 1\n", b"f(**k, *a)\n", b"f(**k, a)\n", b"f(x for x in y, 1)\n", b"f(1, x for x in y)\n",
 b"x = *a\n", b"*a\n", b"print(*)\n", b"a, *b, *c = d\n", b"del *a\n", b"del (a, *b)\n", b"x = {1: 2, 3}\n", b"{**a: 1}\n",
 b"f(a=1, a=2)\n", b"nonlocal x\n", b"def f(a, a):\n  pass\n", b"x := 1\n", b"(x.y := 1)\n", b"[x for x in 1 = 2]\n",
 b"x = [i for i in range(3) if]\n", b"x = a if b\n", b"x = not\n", b"x ==\n", b"@\ndef f(): pass\n", b"@x\nx = 1\n",
 b"global\n", b"assert\n", b"raise from x\n", b"return *a\n", b"async = 1\n", b"True = 1\n", b"None = 1\n",
 b"x.True = 1\n", b"f(True=1)\n", b"f(x.y=1)\n", b"f(1=2)\n", b"def f(x=1, /, y):\n  pass\n", b"def f(/):\n  pass\n",
 b"def f(a, /, b, /):\n  pass\n", b"def f(*a, /):\n  pass\n", b"def f(**k, a):\n  pass\n", b"def f(*a=1):\n  pass\n",
 b"def f(**k=1):\n  pass\n", b"def f(*a, *b):\n  pass\n", b"lambda x=1, y: x\n", b"class A(x for x in y): pass\n",
 # assignment targets
 b"1 = x\n", b"f() = x\n", b"a + b = x\n", b"x = 1 = y\n", b"(a, 1) = x\n", b"[a, f()] = x\n", b"a, 1 = x\n", b"a, 1, b = x\n",
 b"x = a < b = 3\n", b"x = 1 if 1 else x = 2\n", b"None = x\n", b"a.b = 1 = c\n", b"'s' = 1\n", b"f'{x}' = 1\n",
 b"x + 1 += 1\n", b"(a, b) += 1\n", b"[a] += 1\n", b"f() += 1\n", b"x, y: int\n", b"(x, y): int\n", b"[x]: int\n",
 b"f(): int\n", b"x = (yield) = 1\n", b"lambda: 1 = x\n", b"not x = 1\n", b"a and b = 1\n", b"-x = 1\n", b"(x for x in y) = 1\n",
 b"[x for x in y] = 1\n", b"{a: b} = 1\n", b"{a} = 1\n", b"... = 1\n", b"x if y else z = 1\n", b"a < b = 1\n",
 b"for 1 in x: pass\n", b"for f() in x: pass\n", b"for x + 1 in y: pass\n", b"for a, 1 in x: pass\n",
 b"[x for 1 in y]\n", b"with a as 1: pass\n", b"with a as f(): pass\n", b"del 1\n", b"del f()\n", b"del a + b\n",
 b"del (a, 1)\n", b"del [a, f()]\n", b"del x, 1\n", b"if x = 1:\n  pass\n", b"if x.y = 1:\n  pass\n", b"while x = 1: pass\n",
 b"[x = 1]\n", b"(x = 1)\n", b"f(x == 1, y = 2, 3)\n",
 # compile-time (deferred)
 b"return 1\n", b"break\n", b"continue\n", b"yield 1\n", b"x = yield\n", b"class A:\n  return 1\n", b"for x in y:\n  pass\nelse:\n  break\n",
 b"def f():\n  class A:\n    return 1\n", b"while 1:\n  def f():\n    break\n", b"x = 1\nreturn\ny = (\n",
 b"while 1:\n  try:\n    pass\n  finally:\n    continue\n",
 # f-strings
 b"x = f\"{a\"\n", b"x = f\"{a!x}\"\n", b"x = f\"{a!}\"\n", b"x = f\"{}\"\n", b"x = f\"{ }\"\n", b"x = f\"}\"\n", b"x = f\"{a}}\"\n",
 b"x = f\"{a:{b:{c}}}\"\n", b"x = f\"{a b}\"\n", b"x = f\"{a)}\"\n", b"x = f\"{(a}\"\n", b"x = f\"{a#}\"\n", b"x = f\"{'\\n'}\"\n",
 b"x = f\"{a:\"\n", b"x = f\"{a!r\"\n", b"x = f\"{a=\"\n", b"x = f\"{a +}\"\n", b"x = f'{\"abc}'\n", b"x = f\"{1 = 2}\"\n",
 b"x = f'{a}' f'{b'\n", b"x = 'a' b'b'\n", b"x = '\\x4'\n", b"x = b'\\x4'\n", b"x = '\\N{DASH}'\n",
 b"x = f\"{yield}\"\n", b"x = f\"{*a}\"\n", b"x = f\"{a:{b}\"\n", b"(*a)\n", b"x = (*a)\n", b"print((*a))\n", b"[*a for a in b]\n",
 b"x = f'{a!r:>{w}}' f'{b=}' f'{{}}'\nx = 1 +\n", b"x = 1\ny = f'{a b}'\n", b"x = 'a' f'{1 +}'\n", b"f'{a:{b c}}'\n",
 b"x = 1\n\x0c  y = 2\n", b"if 1:\n  x = 1\n \ty = 2\n", b"def f():\n\tif 1:\n\t        x = 1\n\n", b"if 1:\r\n  x = (\r\n", b"x = 1\ry = (\r",
 b"\xef\xbb\xbfx = (\n", b"x = \"\"\"\n\n\nabc", b"if True:\n    x = 1\n   \n  y = 2\n", b"x = [\n1,\n2 3]\n", b"def f(a, b=1, *c, d, e=2, **f) -> int:\n    return a +\n",
 b"import a.b as\n", b"f(m x)\n", b"f(a re)\n", b"ifi == 0:\n  pass\n", b"from a #c\n", b"\n \\ \n", b"{k: v for k, v iif n in x}\n",
 b"x = [1,\n  2\n  3]\n", b"if x:\n    pass\n  y = 1\n", b"if x:\n  if y:\n", b"*a = b\n", b"from .. import (a, b as c,)\nx = )\n", b"with (a as b, c as d):\n    pass\nx = (1\n", b"class A(B, metaclass=M):\n  x: int = 1\n  def f(self): yield from g()\n1 +\n",
 # nesting
 b"x = " + b"(" * 201 + b"1" + b")" * 201 + b"\n", b"x = " + b"[" * 200 + b"]" * 200 + b"\n",
 b"".join(b" " * i + b"if 1:\n" for i in range(100)) + b" " * 100 + b"pass\n",
 b"".join(b" " * i + b"for x in y:\n" for i in range(21)) + b" " * 21 + b"pass\n",
 # except* (PEP 654)
 b"try:\n    pass\nexcept* ValueError:\n    pass\nexcept TypeError:\n    pass\n",
 b"try:\n    pass\nexcept ValueError:\n    pass\nexcept* TypeError:\n    pass\n",
 b"try:\n    pass\nexcept*:\n    pass\n",
 b"for x in y:\n    try:\n        pass\n    except* ValueError:\n        break\n",
 b"def f():\n    try:\n        pass\n    except* ValueError:\n        return 1\n",
 b"def f():\n    try:\n        pass\n    except* ValueError:\n        return\n",
 b"for x in y:\n    try:\n        pass\n    except* ValueError:\n        for z in w:\n            continue\n        continue\n",
 b"try:\n    pass\nexcept* ValueError, TypeError:\n    pass\n",
 b"try:\n    pass\nexcept* ValueError\n    pass\n",
 b"try:\n    pass\nexcept* ValueError:\npass\n",
]
out = []
def esc(b):
    r = []
    for c in b:
        if c == 0x5c: r.append('\\\\')
        elif c == 0x0a: r.append('\\n')
        elif c == 0x09: r.append('\\t')
        elif c == 0x0d: r.append('\\r')
        elif 0x20 <= c < 0x7f: r.append(chr(c))
        else: r.append('\\x%02x' % c)
    return ''.join(r)
for src in cases:
    open('/tmp/exp/case.py', 'wb').write(src)
    try:
        r = subprocess.run(['/usr/bin/python3.11', 'case.py'], capture_output=True, cwd='/tmp/exp', timeout=5)
    except subprocess.TimeoutExpired:
        print('VALID (timeout)', src[:60], file=sys.stderr); continue
    err = r.stderr.decode('utf-8', 'replace').rstrip('\n').split('\n')
    if r.returncode == 0 or not r.stderr.strip():
        print('VALID?', src[:60], file=sys.stderr); continue
    last = err[-1]
    m = re.match(r'(\w+): (.*)$', last)
    if not m:
        if last in ('MemoryError',):
            kind, msg = last, ''
        elif err[-1].startswith('NameError') or 'Error' not in last:
            print('RUNTIME', src[:50], last, file=sys.stderr); continue
        else:
            kind, msg = last, ''
    else:
        kind, msg = m.group(1), m.group(2)
    if kind not in ('SyntaxError', 'IndentationError', 'TabError', 'RecursionError', 'MemoryError'):
        print('RUNTIME', src[:50], last, file=sys.stderr); continue
    msg = msg.replace('/tmp/exp/case.py', '<file>').replace('case.py', '<file>')
    line, col = 0, 0
    try:
        compile(src, 'case.py', 'exec')
    except SyntaxError as e:
        if msg.startswith('Non-UTF-8'):
            line, col = -1, -1
        elif e.msg == msg:
            line, col = e.lineno or 0, e.offset or 0
            if msg.startswith('Non-UTF-8'):
                line, col = -1, -1
        else:
            line, col = -1, -1
    except Exception:
        line, col = -1, -1
    if src.startswith(b'\xef\xbb\xbf'): col = -1
    if msg.startswith('Non-UTF-8'): line, col = -1, -1
    if line == -1:
        for l in err:
            mm = re.search(r'File "case.py", line (\d+)', l)
            if mm: line = int(mm.group(1))
    out.append(f"{kind}\t{line}\t{col}\t{msg}\t{esc(src)}")
hdr = ("# Syntax-error cases with python3.11's own verdicts (generated by running each\n"
       "# source as a script with /usr/bin/python3.11 and by compile() for line/offset).\n"
       "# Fields (tab-separated): kind, line, offset (0 = none, -1 = unchecked), message, source\n"
       "# with \\n \\t \\r \\\\ \\xHH escapes.  In messages the script path is written <file>.\n")
open(sys.argv[1], 'w').write(hdr + '\n'.join(out) + '\n')
print(len(out), 'cases')
