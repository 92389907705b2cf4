# InitVar fields reach __post_init__ (not fields()); an enum with its own
# __new__ sets _value_; str and float mixins.
from dataclasses import dataclass, field, InitVar, fields, replace
from enum import Enum
@dataclass
class C:
    i: int
    j: int = None
    database: InitVar[dict] = None
    def __post_init__(self, database):
        if self.j is None and database is not None:
            self.j = database.get('j')
c = C(10, database={'j': 5})
print(c, [f.name for f in fields(c)], C.__dataclass_fields__['database']._field_type)
print(C.__dataclass_fields__['database'].type, C.__doc__)
try: replace(c, i=3)
except ValueError as e: print(e)
print(replace(c, i=3, database=None))
class Coord(Enum):
    def __new__(cls, value, label):
        obj = object.__new__(cls)
        obj._value_ = value
        obj.label = label
        return obj
    N = (0, "north")
    S = (180, "south")
print(Coord.N, Coord(180), Coord.S.label, Coord.N.value, Coord.__new_member__ is not None)
class Str(str, Enum):
    A = "a"
    B = "b"
print(Str.A, repr(Str.B), Str.A == "a", f"{Str.A}", Str("b"))
class F(float, Enum):
    HALF = 0.5
print(F.HALF, repr(F.HALF), F.HALF * 2)
