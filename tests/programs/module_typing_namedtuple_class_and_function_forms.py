from typing import NamedTuple, List, Optional
import gc

class Point(NamedTuple):
    x: int
    y: int = 0
    label: Optional[str] = None

    def norm2(self):
        return self.x * self.x + self.y * self.y

p = Point(3, 4)
print(p, p.norm2(), p._replace(y=1), p._asdict())
print(Point._fields, Point._field_defaults, Point.__annotations__)
print(Point.__bases__, Point.__mro__, type(Point))
print(isinstance(p, tuple), p[0], len(p), Point.__doc__)
x, y, _ = p
print(x, y, Point.__orig_bases__[0] is NamedTuple, Point.__module__, Point.__qualname__)

Emp = NamedTuple('Emp', [('name', str), ('id', int)])
print(Emp('a', 1), Emp.__annotations__, Emp.__module__, Emp.__qualname__)
Kw = NamedTuple('Kw', a=int, b=List[int])
print(Kw(1, [2]), Kw.__annotations__)

try:
    class Bad(NamedTuple):
        a: int = 1
        b: int
except TypeError as e:
    print(e)
try:
    class Bad2(NamedTuple):
        a: int
        def _asdict(self): pass
except AttributeError as e:
    print(e)
try:
    NamedTuple('X', [('a', int)], b=int)
except TypeError as e:
    print(e)
try:
    class Bad3(NamedTuple, int): pass
except TypeError as e:
    print(e)
class Node(NamedTuple):
    value: int
    next: "Node" = None
n = Node(1, Node(2))
print(n, Node.__annotations__)
print(gc.is_tracked(p), type(NamedTuple).__name__ != "", repr(NamedTuple).startswith("<function NamedTuple at 0x"))
