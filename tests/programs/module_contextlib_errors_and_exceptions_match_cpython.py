import contextlib

@contextlib.contextmanager
def stop_iter():
    yield
try:
    with stop_iter():
        raise StopIteration("x")
except RuntimeError as e:
    print("RuntimeError", e)
except StopIteration as e:
    print("StopIteration", e)

@contextlib.contextmanager
def swallow():
    try:
        yield
    except Exception as e:
        print("swallowed", type(e).__name__, e)
with swallow():
    raise ZeroDivisionError("zero")
print("continued")

@contextlib.contextmanager
def convert():
    try:
        yield
    except KeyError:
        raise ValueError("converted")
try:
    with convert():
        {}["missing"]
except ValueError as e:
    print("ValueError", e, type(e.__context__).__name__)

@contextlib.contextmanager
def keeps_yielding():
    while True:
        try:
            yield
        except Exception:
            pass
try:
    with keeps_yielding():
        raise IndexError
except RuntimeError as e:
    print("RuntimeError", e)

@contextlib.contextmanager
def not_a_generator():
    return 5
try:
    with not_a_generator():
        pass
except TypeError as e:
    print("TypeError", e)

try:
    contextlib.contextmanager(1, 2)
except TypeError as e:
    print(e)
try:
    contextlib.nullcontext(1, 2)
except TypeError as e:
    print(e)

m = contextlib.suppress(ValueError, (KeyError, IndexError))
print(m.__exit__(None, None, None))
print(m.__exit__(KeyError, KeyError(), None))
print(m.__exit__(TypeError, TypeError(), None))
print(type(m._exceptions).__name__, len(m._exceptions))
try:
    with contextlib.suppress(ValueError):
        raise TypeError("not suppressed")
except TypeError as e:
    print("TypeError", e)

@contextlib.contextmanager
def tag(name):
    print("<%s>" % name if False else "<" + name + ">")
    yield name
    print("</" + name + ">")
with tag("a") as a, tag("b") as b:
    print(a + b)
