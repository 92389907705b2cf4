# io.BytesIO: an in-memory binary stream; its buffer is a bytes object
# that getvalue() hands out without copying when it can.
import io
import sys
import gc

b = io.BytesIO()
print(type(b).__name__, type(b).__module__, gc.is_tracked(b), sys.getsizeof(b))
for chunk in [b"a", b"bc", b"hello world", b"x" * 20, bytearray(b"y" * 100)]:
    print(b.write(chunk), b.tell(), sys.getsizeof(b))
v = b.getvalue()
print(len(v), sys.getsizeof(b), sys.getrefcount(v), b.getvalue() is v)
print(b.seek(0), b.read(3), b.read(2), b.tell())
rest = b.read()
print(len(rest), rest is v, b.read(), b.tell())
b.seek(0)
print(b.read() is v)

# a bytes initial value is shared until the first write
init = bytes([65, 66, 67, 10, 68])
print(sys.getrefcount(init))
s = io.BytesIO(init)
print(sys.getrefcount(init), sys.getsizeof(s), s.getvalue() is init)
print(s.readline(), s.readline(), s.readline())
s.seek(1)
s.write(b"Z")
print(sys.getrefcount(init), sys.getsizeof(s), s.getvalue(), init)

# lines
lines = io.BytesIO(b"line1\nline2\r\nlast")
print(lines.readline(), lines.readline(2), lines.readline())
lines.seek(0)
print(lines.readlines())
lines.seek(0)
print(lines.readlines(3))
lines.seek(0)
print(list(lines))
lines.seek(0)
for n, line in enumerate(lines):
    print(n, line)
lines.writelines([b"+", bytearray(b"more\n")])
print(lines.getvalue())

# seek past the end pads with NULs; truncate
p = io.BytesIO(bytearray(b"ba"))
print(p.getvalue(), p.tell())
print(p.seek(5), p.write(b"!"), p.getvalue())
print(p.seek(-1, 2), p.seek(0, 1), p.read(), p.seek(-100, 1))
print(p.truncate(2), p.getvalue(), p.tell(), p.truncate(), p.getvalue())
print(p.read1(), p.peek() if hasattr(p, "peek") else None)
print(p.readable(), p.writable(), p.seekable(), p.isatty(), p.flush())

# a context manager: closed on exit
with io.BytesIO(b"ctx") as f:
    print(f.read(), f.closed)
print(f.closed)
for call in (f.read, f.getvalue, f.tell, lambda: f.write(b"x"), lambda: f.seek(0), f.readline,
             f.readable, lambda: next(f), f.flush, lambda: f.__enter__()):
    try:
        call()
    except ValueError as e:
        print("ValueError:", e)
f.close()

# attributes land in a __dict__
b.name = "memory"
print(b.name, b.__dict__)

# wrong arguments
for bad in [lambda: io.BytesIO("str"), lambda: io.BytesIO(5), lambda: io.BytesIO().write("str"),
            lambda: io.BytesIO().write(5), lambda: io.BytesIO().seek(-1),
            lambda: io.BytesIO().seek(0, 3), lambda: io.BytesIO().seek("0"),
            lambda: io.BytesIO().truncate(-1), lambda: io.BytesIO().read("2"),
            lambda: io.BytesIO().readlines("x"), lambda: io.BytesIO(b"", b""),
            lambda: io.BytesIO(initial_bytes=b"ok").read(), lambda: io.BytesIO(bad=1),
            lambda: io.BytesIO().readline(1.5)]:
    try:
        print(bad())
    except (TypeError, ValueError) as e:
        print(type(e).__name__ + ":", e)
