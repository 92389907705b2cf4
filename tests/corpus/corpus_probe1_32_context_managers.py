from contextlib import contextmanager, suppress
import io
import sys

class Timer:
    def __init__(self, name):
        self.name = name
    def __enter__(self):
        print(f"enter {self.name}")
        return self
    def __exit__(self, exc_type, exc, tb):
        print(f"exit {self.name}: {exc_type.__name__ if exc_type else None} {exc!r}")
        return exc_type is KeyError

with Timer("a") as t:
    print("inside", t.name)
with Timer("b"):
    raise KeyError("swallowed")
print("after b")
try:
    with Timer("c"):
        raise ValueError("propagates")
except ValueError as e:
    print("caught", e)

@contextmanager
def tag(name):
    print(f"<{name}>")
    try:
        yield name.upper()
    except ZeroDivisionError:
        print("handled zero division inside tag")
    finally:
        print(f"</{name}>")

with tag("div") as v:
    print("value", v)
    with tag("span"):
        print("text")
with tag("p"):
    1 / 0
print("continues")

with suppress(FileNotFoundError, KeyError):
    {}["missing"]
print("suppressed")

buf = io.StringIO()
buf.write("line one\n")
print("line two", file=buf)
buf.write(f"{3.5:>6}\n")
print(repr(buf.getvalue()))
buf.seek(0)
print(buf.readline(), end="")
print(buf.read().splitlines())
reader = io.StringIO("a,b,c\n1,2,3\n4,5,6\n")
header = reader.readline().strip().split(",")
rows = [dict(zip(header, line.strip().split(","))) for line in reader]
print(rows)

class Resource:
    opened = 0
    def __init__(self, n):
        self.n = n
    def __enter__(self):
        Resource.opened += 1
        print("open", self.n)
        return self
    def __exit__(self, *exc):
        Resource.opened -= 1
        print("close", self.n)
        return False
with Resource(1) as r1, Resource(2) as r2:
    print("using", r1.n, r2.n, Resource.opened)
print("opened now", Resource.opened)
print("to stderr", file=sys.stderr)
sys.stdout.write("direct write\n")
@contextmanager
def bad():
    yield 1
    yield 2
try:
    with bad():
        pass
except RuntimeError as e:
    print("RuntimeError:", e)
with Timer("d"):
    pass
with Timer("e"):
    [][0]
