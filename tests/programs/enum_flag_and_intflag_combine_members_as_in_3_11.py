# enum.Flag and enum.IntFlag as Python 3.11 has them: auto() gives powers
# of two, | & ^ ~ make composite members, `in`, iteration, len, bool,
# repr and str.
import enum
from enum import Flag, IntFlag, auto


class Color(Flag):
    RED = auto()
    GREEN = auto()
    BLUE = auto()


print(Color.RED, repr(Color.RED), Color.RED.value, Color.GREEN.value, Color.BLUE.value, Color.BLUE.name)
w = Color.RED | Color.GREEN
print(w, repr(w), w.value, w.name, type(w) is Color, isinstance(w, Color))
print(Color.RED in w, Color.BLUE in w, w in w, Color(0) in w)
print(list(w), len(w), len(Color.RED), len(Color(0)), bool(w), bool(Color(0)))
print(list(Color), len(Color), Color(3), Color(3) is w, Color(0), repr(Color(0)), str(Color(0)))
print(w & Color.RED, w & Color.BLUE, ~Color.RED, ~w, ~Color(0), Color.RED ^ Color.GREEN, w ^ Color.RED)
print(Color.RED | Color.GREEN | Color.BLUE, repr(~Color(7)), Color(7).name)
print(Color['RED'], Color(1) is Color.RED, Color.RED is Color.RED | Color.RED)
print(repr(Color), Color.__members__.keys() if False else sorted(Color.__members__))
try:
    Color.RED | 1
except TypeError as e:
    print('TypeError', e)
try:
    1 in Color.RED
except TypeError as e:
    print('TypeError', e)
print(Color(8), Color(9))
try:
    Color('x')
except ValueError as e:
    print('ValueError', e)


class Perm(IntFlag):
    R = 4
    W = 2
    X = 1


rw = Perm.R | Perm.W
print(rw, repr(rw), str(rw), format(rw), f"{Perm.R | Perm.X}", rw.name, rw.value)
print(Perm.R + 1, Perm.R == 4, isinstance(Perm.R, int), Perm(7), repr(Perm(7)), repr(Perm(8)), repr(Perm(0)))
print(list(Perm(7)), list(rw), len(rw), Perm.W in rw, Perm.X in rw)
print(repr(~Perm.R), repr(~rw), repr(Perm.R | 1), repr(1 | Perm.R), repr(Perm.R & 6), repr(Perm.R ^ 12))
print(list(Perm), repr(Perm), Perm(6) is rw, int(rw), hash(Perm.R) == hash(4))


class Mixed(Flag):
    A = 1
    B = 2
    AB = 3
    C = 4


print(list(Mixed), Mixed.AB, repr(Mixed(3)), Mixed(3) is Mixed.AB, repr(Mixed(5)), len(Mixed))


class Big(IntFlag):
    ONE = auto()
    TWO = auto()
    FOUR = auto()
    EIGHT = auto()


print([m.value for m in Big], repr(Big(15)), repr(Big(16)), repr(Big(17)))
