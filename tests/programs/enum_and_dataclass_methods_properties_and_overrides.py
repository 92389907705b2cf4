# Enum members with __init__ (tuple values), properties, __str__ and __lt__
# overrides; dataclass methods and inherited defaults.
from dataclasses import dataclass, field
from enum import Enum, IntEnum
@dataclass
class Base:
    a: int = 1
try:
    @dataclass
    class Child(Base):
        b: int
except TypeError as e: print(e)
@dataclass
class Pt:
    x: int
    y: int
class Color(Enum):
    RED = "r"
    GREEN = "g"
    def __str__(self):
        return self.name.title()
print(str(Color.GREEN), f"{Color.GREEN}", Color.RED.__str__())
class Planet(Enum):
    EARTH = (5.976e+24, 6.37814e6)
    MARS = (6.421e+23, 3.3972e6)
    def __init__(self, mass, radius):
        self.mass = mass
        self.radius = radius
    @property
    def surface_gravity(self):
        G = 6.67300E-11
        return G * self.mass / (self.radius * self.radius)
for p in Planet:
    print(p, round(p.surface_gravity, 2))
class Coin(Enum):
    PENNY = 1
    NICKEL = 5
    def __lt__(self, other):
        return self.value < other.value
print(sorted([Coin.NICKEL, Coin.PENNY]))
print(Coin.PENNY.__class__.__mro__)
print(vars(Coin)["PENNY"], Coin.__members__.get("NICKEL"))
@dataclass
class Emp:
    name: str
    salary: float = 0
    def raise_(self, pct):
        self.salary *= 1 + pct / 100
        return self
e = Emp("a", 100).raise_(10)
print(e, e.salary)
print(Emp.__eq__(e, e), Emp.__repr__(e))
