import contextlib, sys, gc

@contextlib.contextmanager
def cm(x, y=2):
    print("enter", x, y)
    try:
        yield x + y
    except ValueError as e:
        print("caught", e)
    finally:
        print("exit")

print(repr(cm).startswith("<function cm at 0x"))
print(cm.__name__, cm.__qualname__, cm.__wrapped__ is not None)
with cm(1) as v:
    print("v", v)
with cm(1, y=5) as v:
    raise ValueError("boom")
print("after")
c = cm(3)
print(type(c).__name__, sorted(vars(c)) if hasattr(c, '__dict__') else None)
print(sys.getrefcount(c.gen))
with c as v:
    print(v, hasattr(c, 'func'))

@contextlib.contextmanager
def noyield():
    if False:
        yield
try:
    with noyield():
        pass
except RuntimeError as e:
    print("RE", e)

@contextlib.contextmanager
def twice():
    yield 1
    yield 2
try:
    with twice():
        pass
except RuntimeError as e:
    print("RE", e)
try:
    with twice():
        raise KeyError(3)
except RuntimeError as e:
    print("RE", e)

@contextlib.contextmanager
def passthru():
    yield
try:
    with passthru():
        raise KeyError(3)
except KeyError as e:
    print("KE", e)

with contextlib.suppress(KeyError, IndexError):
    [][1]
print("suppressed")
with contextlib.suppress(ValueError):
    pass
class T:
    def close(self): print("closed")
with contextlib.closing(T()) as t:
    print(type(t).__name__)
with contextlib.nullcontext(5) as n:
    print(n)
with contextlib.nullcontext() as n:
    print(n)

@cm(10)
def f(a):
    print("in f", a)
    return a * 2
print(f(4))
print(gc.collect())
try:
    with contextlib.suppress(KeyError):
        raise ValueError("no")
except ValueError as e:
    print("VE", e)
try:
    contextlib.contextmanager()
except TypeError as e:
    print(e)
try:
    contextlib.closing()
except TypeError as e:
    print(e)
