from __future__ import annotations
import gc
def f(a: Undefined, b: list[int] = []) -> Tree:
    return a
print(f.__annotations__)
class Node:
    def link(self, other: Leaf) -> Leaf | None:
        return None
print(Node.link.__annotations__)
gc.collect()
c0 = gc.get_count()
def g(x: int) -> str: pass
print(gc.get_count()[0] - c0[0], g.__annotations__)
