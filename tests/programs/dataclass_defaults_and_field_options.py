# Defaults, field(default=..., default_factory=..., init=False, repr=False,
# compare=False), __post_init__ and fields().
from dataclasses import dataclass, field, fields, MISSING


@dataclass
class Item:
    name: str
    price: float = 0.0
    tags: list = field(default_factory=list)
    secret: str = field(default="hidden", repr=False)
    note: str = field(default="", compare=False)
    total: float = field(init=False, default=0.0)

    def __post_init__(self):
        self.total = self.price * 2


a = Item("apple")
b = Item("pear", 1.5, ["fruit"])
print(a)
print(b, b.secret, b.total)
a.tags.append("x")
print(a.tags, Item("c").tags, a.tags is Item("d").tags)
print(Item("z", note="one") == Item("z", note="two"))
for f in fields(Item):
    print(f.name, f.type.__name__, f.default is MISSING, f.default_factory is MISSING, f.init, f.repr, f.compare)
print(Item.price, Item.secret, "tags" in Item.__dict__)
try:
    Item("a", total=3)
except TypeError as e:
    print(e)


@dataclass
class Counter:
    start: int = 0
    values: dict = field(default_factory=dict)
    count: int = field(init=False)

    def __post_init__(self):
        self.count = self.start


c = Counter(5)
print(c, c.values)


@dataclass
class Lazy:
    a: int
    b: int = field(init=False)


lz = Lazy(1)
print(hasattr(lz, "b"))
try:
    print(lz)
except AttributeError as e:
    print("AttributeError", e)
