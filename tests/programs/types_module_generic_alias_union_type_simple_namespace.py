import types, gc, sys
from collections import deque, defaultdict, OrderedDict, Counter
print(deque[int], defaultdict[str, list[int]], OrderedDict[str, int], Counter[str])
print(types.GenericAlias, types.UnionType, types.NoneType, types.FunctionType, types.GeneratorType, types.MethodType)
print(type(list[int]) is types.GenericAlias, isinstance(int | str, types.UnionType))
ns = types.SimpleNamespace(x=1, y="two")
ns.z = [3]
print(ns, ns.x, ns == types.SimpleNamespace(x=1, y="two", z=[3]))
try:
    isinstance([], list[int])
except TypeError as e:
    print(e)
try:
    isinstance([], int | list[int])
except TypeError as e:
    print(e)
try:
    issubclass(list, list[int])
except TypeError as e:
    print(e)
try:
    int | 3
except TypeError as e:
    print(e)
try:
    int | "str"
except TypeError as e:
    print(e)
class MyList(list[int]):
    pass
print(MyList.__mro__, MyList([1]))
print(list[int].__name__, list[int].__parameters__, tuple[()] , tuple[int, ...])
print(hash(list[int]) == hash(list[int]), {int | str: 1}[str | int])
print(None | int, int | None | str, (int | str) | (float | int))
print(dict[str, int]({"a": 1}), list[int]("ab"))
def f(x: int | None = None, *args: tuple[int, ...], **kw: dict[str, int]) -> list[str]:
    return []
print(f.__annotations__)
import typing
T = typing.TypeVar("T")
print(list[T], list[T].__parameters__)
print(type(None)(), float.hex(0.5) if hasattr(float, "hex") else "nohex")
