from functools import singledispatch
from collections.abc import Sequence
@singledispatch
def describe(arg):
    return f"something: {arg!r}"
@describe.register
def _(arg: int):
    return f"an int {arg}"
@describe.register(float)
def _describe_float(arg):
    return f"a float {arg:.2f}"
@describe.register(list)
@describe.register(tuple)
def _(arg):
    return f"a sequence of {len(arg)}"
def for_str(arg):
    return "a string " + arg
describe.register(str, for_str)
class Animal: pass
class Dog(Animal): pass
@describe.register
def _(arg: Animal):
    return "an animal " + type(arg).__name__
for v in [1, 2.5, [1, 2], (3,), "hi", Dog(), True, None, {1: 2}]:
    print(describe(v))
print(describe.__name__, describe.dispatch(bool).__name__, describe.dispatch(dict).__name__, len(describe.registry))
print(describe.registry[object] is describe.__wrapped__)
try:
    describe()
except TypeError as e:
    print(e)
