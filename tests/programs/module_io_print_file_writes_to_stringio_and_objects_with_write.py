import io, sys
class W:
    def __init__(self):
        self.parts = []
    def write(self, s):
        self.parts.append(s)
        return len(s)
    def flush(self):
        self.parts.append("<flush>")
w = W()
print("a", 1, [2], sep=None, end=None, file=w)
print("b", "c", sep="", end="", file=w, flush=True)
print(file=w, flush=False)
print(w.parts)
print("to stdout", file=None)
print("to stdout 2", file=sys.stdout)
try:
    print(1, file=5)
except AttributeError as e:
    print("AttributeError", e)
class Bad:
    def write(self, s):
        raise RuntimeError("no " + s)
try:
    print("zz", file=Bad())
except RuntimeError as e:
    print("RuntimeError", e)
class NoFlush:
    def write(self, s):
        pass
try:
    print("q", file=NoFlush(), flush=True)
except AttributeError as e:
    print("AttributeError", e)
s = io.StringIO()
for i in range(3):
    print(i, i * i, file=s)
print(s.getvalue(), end="")
print(sys.getrefcount(s))
s.close()
try:
    print("x", file=s)
except ValueError as e:
    print("ValueError", e)
def report(out):
    print("report", file=out)
buf = io.StringIO()
report(buf)
report(sys.stdout)
print(repr(buf.getvalue()))
