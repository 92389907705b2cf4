# contextlib.ContextDecorator: a context manager class that also works as
# a decorator; @contextmanager's objects are ContextDecorators too.
import contextlib
import io
import sys
from contextlib import ContextDecorator, contextmanager


class tracked(ContextDecorator):
    def __init__(self, name):
        self.name = name

    def __enter__(self):
        print("enter", self.name)
        return self

    def __exit__(self, exc_type, exc, tb):
        print("exit", self.name, exc_type.__name__ if exc_type else None)
        return False


@tracked("add")
def add(a, b=1, *, c=0):
    "Adds."
    print("in add")
    return a + b + c


print(add(1, 2, c=3), add.__name__, add.__doc__, add.__qualname__, add.__module__)
print(add.__wrapped__.__name__, type(add).__name__, callable(add))
with tracked("block") as t:
    print("in block", t.name)


class quiet(ContextDecorator):
    def __enter__(self):
        print("quiet enter")

    def __exit__(self, *exc):
        print("quiet exit", exc[0].__name__ if exc[0] else None)
        return True


@quiet()
def fails():
    raise KeyError("k")


print(fails())


@tracked("loud")
def loud():
    raise ValueError("bad")


try:
    loud()
except ValueError as e:
    print("caught", e)


# _recreate_cm: a fresh context manager for each call
class counting(ContextDecorator):
    made = 0

    def __init__(self):
        counting.made += 1
        self.n = counting.made

    def _recreate_cm(self):
        return counting()

    def __enter__(self):
        print("enter copy", self.n)

    def __exit__(self, *exc):
        return False


@counting()
def twice():
    return "done"


print(twice(), twice(), counting.made)


# @contextmanager's objects decorate too: a new generator each call
@contextmanager
def tag(name):
    print(f"<{name}>")
    yield name
    print(f"</{name}>")


@tag("p")
def para(text):
    print(text)
    return len(text)


print(para("hello"), para("again"))


@tag("ann")
def annotated(x: int) -> str:
    return str(x)


print(annotated.__annotations__, tag.__annotations__, add.__annotations__)
print(isinstance(tag("x"), ContextDecorator), issubclass(tracked, ContextDecorator))
print(ContextDecorator.__module__, ContextDecorator.__mro__, ContextDecorator.__doc__)

# the decorator holds the context manager and the function
cm = tracked("held")


def f():
    return 1


print(sys.getrefcount(cm), sys.getrefcount(f))
g = cm(f)
print(sys.getrefcount(cm), sys.getrefcount(f), g.__wrapped__ is f)
del g
print(sys.getrefcount(cm), sys.getrefcount(f))

# redirect_stdout (into a StringIO) and suppress are plain context managers
buf = io.StringIO()


@contextmanager
def captured():
    with contextlib.redirect_stdout(buf):
        yield buf


@captured()
def chatty():
    print("captured line")
    return 7


print(chatty(), repr(buf.getvalue()))
with contextlib.redirect_stdout(io.StringIO()) as out:
    print("inside")
print(repr(out.getvalue()))
with contextlib.suppress(ZeroDivisionError):
    1 / 0
print(isinstance(contextlib.suppress(), ContextDecorator))

# wrong arguments
for bad in (lambda: tracked("x")(), lambda: tracked("x")(f, f), lambda: ContextDecorator()(),
            lambda: ContextDecorator(1), lambda: tag("x")(), lambda: ContextDecorator()(f)()):
    try:
        print(bad())
    except TypeError as e:
        print("TypeError:", e)
