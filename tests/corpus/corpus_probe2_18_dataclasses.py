from dataclasses import dataclass, field, asdict, astuple, replace, fields, FrozenInstanceError
from typing import List

@dataclass
class Item:
    name: str
    price: float
    qty: int = 1
    tags: List[str] = field(default_factory=list)

    @property
    def total(self):
        return self.price * self.qty

@dataclass(order=True)
class Version:
    major: int
    minor: int = 0
    patch: int = 0
    label: str = field(default="", compare=False)

    def __str__(self):
        return f"{self.major}.{self.minor}.{self.patch}{('-' + self.label) if self.label else ''}"

@dataclass(frozen=True)
class Point:
    x: float
    y: float = 0.0
    def dist(self):
        return (self.x ** 2 + self.y ** 2) ** 0.5

@dataclass
class Inventory:
    items: list = field(default_factory=list)
    owner: str = field(default="shop", repr=False)
    count: int = field(init=False, default=0)
    def __post_init__(self):
        self.count = len(self.items)

i1 = Item("pen", 1.5, 4)
i2 = Item("book", 12.99, tags=["paper"])
print(i1, i2.total, i1.total)
print(i1 == Item("pen", 1.5, 4), asdict(i2), astuple(i1))
vs = [Version(1, 2, 3), Version(1, 10), Version(0, 9, 9, "beta"), Version(1, 2, 3, "rc1")]
print(sorted(vs))
print([str(v) for v in sorted(vs, reverse=True)])
print(Version(1, 2, 3) == Version(1, 2, 3, "x"), Version(2) > Version(1, 99))
p = Point(3, 4)
print(p, p.dist(), hash(p) == hash(Point(3, 4)), {p, Point(3, 4)})
try:
    p.x = 10
except FrozenInstanceError as e:
    print("frozen:", e)
print(replace(p, y=0), [f.name for f in fields(Version)])
inv = Inventory([i1, i2])
print(inv, inv.count)
print(Inventory())
print(Item.__dataclass_fields__["qty"].default, repr(Item.__init__.__doc__))
@dataclass
class Bad:
    a: int = 0
    b: int = 0
print(Bad(1) != Bad(1, 0), Bad.__eq__(Bad(), 3))
try:
    @dataclass
    class Wrong:
        x: list = []
except ValueError as e:
    print("ValueError:", e)
Item("x")
