# The errors @dataclass, field() and the helpers raise, with CPython's
# messages.
from dataclasses import dataclass, field, fields, asdict, astuple, replace


def attempt(label, fn):
    try:
        print(label, fn())
    except Exception as e:
        print(label, type(e).__name__, e)


def non_default_after_default():
    @dataclass
    class A:
        x: int = 0
        y: int


def mutable_list():
    @dataclass
    class B:
        x: list = []


def mutable_dict():
    @dataclass
    class C:
        d: dict = {}


def mutable_set():
    @dataclass
    class D:
        s: set = set()


def both_defaults():
    return field(default=1, default_factory=list)


def field_without_annotation():
    @dataclass
    class E:
        x = field(default=1)


@dataclass
class P:
    x: int
    y: int = 2


@dataclass(frozen=True)
class F:
    x: int


def frozen_from_plain():
    @dataclass(frozen=True)
    class G(P):
        pass


def plain_from_frozen():
    @dataclass
    class H(F):
        pass


attempt("non-default", non_default_after_default)
attempt("mutable list", mutable_list)
attempt("mutable dict", mutable_dict)
attempt("mutable set", mutable_set)
attempt("both", both_defaults)
attempt("no annotation", field_without_annotation)
attempt("frozen from plain", frozen_from_plain)
attempt("plain from frozen", plain_from_frozen)
attempt("missing arg", lambda: P())
attempt("too many", lambda: P(1, 2, 3))
attempt("unknown kw", lambda: P(1, z=3))
attempt("twice", lambda: P(1, x=2))
attempt("fields(int)", lambda: fields(int))
attempt("fields(3)", lambda: fields(3))
attempt("asdict(P)", lambda: asdict(P))
attempt("astuple(3)", lambda: astuple(3))
attempt("replace(3)", lambda: replace(3))
attempt("replace unknown", lambda: replace(P(1), z=3))
attempt("field positional", lambda: field(1))
attempt("dataclass(3)", lambda: dataclass(3))
