# Enum members are made once, with the class: every way of reaching one
# (attribute, value lookup, name lookup, iteration) gives the same object;
# they compare by identity and hash by name.
from enum import Enum


class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = 3


a = Color.RED
b = Color(1)
c = Color["RED"]
d = list(Color)[0]
print(a is b is c is d, Color(Color.RED) is a)
print(type(a), isinstance(a, Color), type(a) is Color)
print(a == Color.RED, a != Color.GREEN, a == 1, a is not Color.BLUE)
print(hash(a) == hash("RED"), {a: "r"}[Color.RED], len({Color.RED, Color(1), Color.GREEN}))
print(a.__dict__)
print(Color.__dict__["RED"] is a, Color._member_map_["RED"] is a, Color._member_names_)
print(Color._value2member_map_)
try:
    Color.RED < Color.GREEN
except TypeError as e:
    print(e)
import copy

print(copy.copy(a) is a, copy.deepcopy([a])[0] is a)
print(bool(Color.RED), bool(Color))
