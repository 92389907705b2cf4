# abc's errors, with CPython's exact messages.
import abc
from abc import ABC, ABCMeta, abstractmethod


class Base(ABC):
    @abstractmethod
    def f(self): ...


class Impl(Base):
    def f(self):
        return 1


def attempt(label, fn):
    try:
        print(label, fn())
    except Exception as e:
        print(label, type(e).__name__, e)


attempt("register int instance", lambda: Base.register(3))
attempt("register str", lambda: Base.register("x"))
attempt("cycle", lambda: Impl.register(Base))
attempt("issubclass non-class", lambda: issubclass(3, Base))
attempt("abstractmethod no args", lambda: abstractmethod())
attempt("abstractmethod two args", lambda: abstractmethod(len, len))
attempt("abstractmethod on int", lambda: abstractmethod(3))
attempt("ABC()", lambda: type(ABC()).__name__)
attempt("Base()", lambda: Base())
attempt("Impl()", lambda: type(Impl()).__name__)
attempt("__abstractmethods__ of plain class", lambda: int.__abstractmethods__)
attempt("get_cache_token(1)", lambda: abc.get_cache_token(1))
attempt("register no args", lambda: Base.register())


class Manual:
    pass


Manual.__abstractmethods__ = frozenset({"x", "y"})
attempt("manual abstract", lambda: Manual())
Manual.__abstractmethods__ = frozenset()
attempt("manual cleared", lambda: type(Manual()).__name__)
attempt("abc names", lambda: (ABC.__module__, ABCMeta.__module__, ABCMeta.__name__, ABC.__slots__))
attempt("ABCMeta bases", lambda: ABCMeta.__bases__)
