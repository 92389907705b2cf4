import io
s = io.StringIO()
print(s.write("hello\n"))
print(s.write("wörld\n"))
print(repr(s.getvalue()))
print(s.tell())
s.seek(0)
print(repr(s.read(3)))
print(repr(s.readline()))
print(repr(s.readline()))
print(repr(s.readline()))
s.seek(0)
print(s.readlines())
s.seek(0)
for line in s:
    print(repr(line))
t = io.StringIO("a\nb\nc")
print(list(t))
print(t.tell())
u = io.StringIO()
print("x", 1, 2.5, sep="-", end="!\n", file=u)
print(file=u)
print("y", file=u, flush=True)
print(repr(u.getvalue()))
with io.StringIO("abc") as f:
    print(f.read())
print(f.closed)
try:
    f.read()
except ValueError as e:
    print("ValueError", e)
try:
    f.getvalue()
except ValueError as e:
    print("ValueError", e)
try:
    f.write("x")
except ValueError as e:
    print("ValueError", e)
f.close()
print(f.closed)
v = io.StringIO("hello")
print(v.seek(0, 2))
v.write("!")
print(v.getvalue())
v.seek(10)
v.write("z")
print(repr(v.getvalue()))
print(v.truncate(3), repr(v.getvalue()), v.tell())
try:
    v.write(5)
except TypeError as e:
    print("TypeError", e)
try:
    v.seek(-1)
except ValueError as e:
    print("ValueError", e)
try:
    v.seek(1, 1)
except OSError as e:
    print("OSError", e)
try:
    v.seek(0, 5)
except ValueError as e:
    print("ValueError", e)
try:
    io.StringIO(5)
except TypeError as e:
    print("TypeError", e)
try:
    io.StringIO("", "x")
except ValueError as e:
    print("ValueError", e)
print(v.readable(), v.writable(), v.seekable(), v.isatty())
w = io.StringIO("one\ntwo\n")
print(w.readline(2), w.readline(-1), repr(w.readline()))
w.writelines(["a", "b"])
print(repr(w.getvalue()))
print(isinstance(w, io.StringIO), type(w).__name__)
print(io.StringIO("abc").read(None))
print(next(io.StringIO("q\nr")))
