import contextlib
import functools
import sys


def d(f):
    return f


@d
@d
def h():
    return "x"


print(h.__name__, h())


def tag(name):
    def deco(f):
        print("applying", name, "to", getattr(f, "__name__", type(f).__name__))
        def wrapper(*args):
            return name + "(" + str(f(*args)) + ")"
        wrapper.__name__ = f.__name__
        return wrapper
    return deco


@tag("outer")
@tag("middle")
@tag("inner")
def base(x):
    return x * 2


print(base(21))


def register(cls):
    print("registering", cls.__name__)
    cls.registered = True
    return cls


def add_hello(cls):
    cls.hello = lambda self: "hello from " + type(self).__name__
    return cls


@register
@add_hello
class Thing:
    pass


print(Thing.registered, Thing().hello())


class Temp:
    def __init__(self):
        self._c = 0

    @property
    @functools.lru_cache(maxsize=None)
    def double(self):
        return 2

    @staticmethod
    @tag("static")
    def s(v):
        return v

    @classmethod
    @contextlib.contextmanager
    def session(cls, who="anyone"):
        print("open", cls.__name__, who)
        yield cls
        print("close", cls.__name__)


print(Temp().double, Temp.s(3))
with Temp.session() as c:
    print("inside", c.__name__)
with Temp().session("me") as c:
    print("inside", c.__name__)
m = Temp.session
print(type(m).__name__, m.__self__.__name__)


def counted(f):
    print("refs to f while decorating:", sys.getrefcount(f))
    return f


@counted
@counted
def g():
    pass


print(g.__name__)
