import io, sys
from contextlib import redirect_stdout, redirect_stderr
buf = io.StringIO()
with redirect_stdout(buf) as target:
    print("captured", 1, 2)
    print("more", end="!")
    sys.stdout.write(" direct")
print(target is buf, repr(buf.getvalue()))
err = io.StringIO()
with redirect_stderr(err):
    print("to err", file=sys.stderr)
print(repr(err.getvalue()))
old = sys.stdout
sys.stdout = io.StringIO()
print("hidden")
grabbed = sys.stdout.getvalue()
sys.stdout = old
print("back", repr(grabbed))
def noisy():
    print("noise")
    return 42
f = io.StringIO()
with redirect_stdout(f):
    r = noisy()
print(r, f.getvalue().strip())
