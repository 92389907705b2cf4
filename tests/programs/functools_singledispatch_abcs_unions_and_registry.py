# functools.singledispatch: the implementation for the nearest class in
# the argument's MRO, abstract base classes included; unions register
# every member; registry is a read-only view.
import collections.abc as cabc
import functools
import sys
from functools import singledispatch

print("weakref" in sys.modules, "typing" in sys.modules)


@singledispatch
def describe(obj):
    "Describe obj."
    return f"object {type(obj).__name__}"


print("weakref" in sys.modules, "typing" in sys.modules)


@describe.register
def _(obj: int):
    return f"int {obj}"


print("typing" in sys.modules)


@describe.register(cabc.Sequence)
def _(obj):
    return f"sequence of {len(obj)}"


@describe.register(cabc.Mapping)
def _(obj):
    return f"mapping of {len(obj)}"


@describe.register(cabc.Iterable)
def _(obj):
    return "iterable"


@describe.register
def _(obj: float | complex):
    return f"number {obj}"


describe.register(bytes | bytearray, lambda b: f"bytes {len(b)}")

for value in (1, True, 2.5, 3j, [1, 2], (1,), "abc", {"a": 1}, {1, 2}, range(4), b"xy", bytearray(3), None,
              iter([1]), cabc.Sequence, frozenset()):
    print(repr(value)[:20], "->", describe(value))


class Stack(cabc.Sequence):
    def __init__(self, *items):
        self.items = list(items)

    def __getitem__(self, i):
        return self.items[i]

    def __len__(self):
        return len(self.items)


class Virtual:
    def __len__(self):
        return 0

    def __getitem__(self, i):
        raise IndexError


cabc.Sequence.register(Virtual)
print(describe(Stack(1, 2, 3)), describe(Virtual()))
print(describe.dispatch(list).__name__, describe.dispatch(dict)(None) if False else "",
      describe.dispatch(object) is describe.__wrapped__, describe.dispatch(set) is describe.registry[cabc.Iterable])

reg = describe.registry
print(type(reg).__name__, len(reg), reg[int].__name__, int in reg, list(reg)[:2])
print(str(reg) == str(dict(reg)), repr(reg).startswith("mappingproxy({<class 'object'>: <function describe at"))
try:
    reg[str] = None
except TypeError as e:
    print("TypeError:", e)
print(describe.__name__, describe.__doc__, describe.__wrapped__.__name__, callable(describe._clear_cache))
describe._clear_cache()


# two unrelated ABCs that both fit: CPython refuses to guess
@singledispatch
def pick(x):
    return "base"


pick.register(cabc.Sized, lambda x: "sized")
pick.register(cabc.Container, lambda x: "container")


class Box:
    def __len__(self):
        return 0

    def __contains__(self, x):
        return False


try:
    pick(Box())
except RuntimeError as e:
    print("RuntimeError:", e)
print(pick(5), pick(object()))


class Both(Box, cabc.Sized):
    pass


print(pick(Both()))

# wrong arguments, with CPython's messages
bad = [
    lambda: describe(),
    lambda: describe.register(3, len),
    lambda: describe.register(lambda x: x),
    lambda: describe.register(lambda x: x),
    lambda: describe.dispatch(5),
    lambda: singledispatch(),
]


def annotated_with_an_int(x: 5):
    pass


def only_returns(x) -> str:
    return "returns"


bad.append(lambda: describe.register(annotated_with_an_int))
bad.append(lambda: describe.register(only_returns) and describe("s"))
for f in bad:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__ + ":", str(e).split(" at 0x")[0])
