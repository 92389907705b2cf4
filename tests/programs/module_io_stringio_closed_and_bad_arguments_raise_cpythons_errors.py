import io
f = io.StringIO("x")
f.close()
f.close()
for name in ["read", "readline", "readlines", "getvalue", "tell", "readable", "writable", "seekable", "isatty", "flush", "__enter__", "__iter__", "__next__", "truncate"]:
    try:
        r = getattr(f, name)()
        print(name, "ok", r)
    except Exception as e:
        print(name, type(e).__name__, e)
for name, a in [("write", "x"), ("seek", 0), ("writelines", []), ("writelines", ["a"])]:
    try:
        getattr(f, name)(a)
        print(name, "ok")
    except Exception as e:
        print(name, type(e).__name__, e)
try:
    with f:
        pass
except Exception as e:
    print(type(e).__name__, e)
try:
    next(f)
except Exception as e:
    print(type(e).__name__, e)
try:
    iter(f)
except Exception as e:
    print(type(e).__name__, e)
try:
    print("a", file=f)
except Exception as e:
    print(type(e).__name__, e)
g = io.StringIO()
for call in [lambda: g.read(1.5), lambda: g.read("a"), lambda: g.readline(1.5), lambda: g.seek(1.5), lambda: g.seek("a"), lambda: g.seek(0, 1.5), lambda: g.truncate(1.5), lambda: g.truncate(-1), lambda: g.write(), lambda: g.write("a", "b"), lambda: g.read(1, 2), lambda: g.getvalue(1), lambda: g.writelines(5), lambda: g.writelines([1]), lambda: io.StringIO(1, 2, 3), lambda: io.StringIO(x=1), lambda: io.StringIO(newline=5), lambda: io.StringIO(initial_value=3), lambda: g.seek(), lambda: g.tell(1), lambda: g.close(1), lambda: g.readlines(1.5), lambda: g.readlines("a")]:
    try:
        print("ok", repr(call()))
    except Exception as e:
        print(type(e).__name__, e)
g.x = 5
print(g.x, g.__dict__)
print(g.readlines(0), g.readlines(None))
h = io.StringIO("a\nbb\nccc\ndddd\n")
print(h.readlines(3))
print(h.readlines(-1))
print(repr(g.read()), g.newlines, g.line_buffering, g.encoding, g.errors)
print(io.StringIO("abc", None).getvalue(), io.StringIO(None).getvalue() == "")
