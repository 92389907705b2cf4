import gc, sys
def f(a: int, b: "str" = "x", *args: float, c: list = None, **kw: dict) -> bool:
    return True
print(f.__annotations__)
def g(x, y): pass
print(g.__annotations__)
def h(p, /, q: int, *, r: str) -> None: pass
print(h.__annotations__)
class C:
    def m(self, n: int) -> "C":
        return self
print(C.m.__annotations__, C().m.__annotations__)
gc.collect()
gc.disable()
before = gc.get_count()
def k(a: int, b: str) -> list: pass
def k2(a, b): pass
after = gc.get_count()
print(before, after)
from typing import List, Optional
def typed(xs: List[int], default: Optional[str] = None) -> int:
    return len(xs)
print(typed([1, 2]), typed.__annotations__)
import functools
@functools.wraps(f)
def wrapper(*a): pass
print(wrapper.__annotations__ is f.__annotations__, wrapper.__name__)
