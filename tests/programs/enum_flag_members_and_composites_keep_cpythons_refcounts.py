# Flag members and the composite pseudo-members cached in
# _value2member_map_: refcounts and collections as in CPython, and the
# class structures a program can look at.
import gc
import sys
from enum import Flag, IntFlag, auto

gc.collect()
gc.disable()


class Opt(Flag):
    A = auto()
    B = auto()
    C = auto()


print(Opt._flag_mask_, Opt._all_bits_, Opt._member_names_, list(Opt._value2member_map_))
ab = Opt.A | Opt.B
print(sorted(Opt._value2member_map_), Opt._value2member_map_[3] is ab)
print(sys.getrefcount(ab), sys.getrefcount(Opt.A))
x = Opt.A | Opt.B
print(x is ab, sys.getrefcount(ab))
del x, ab
print(sorted(Opt._value2member_map_))
print(Opt.A.value, Opt.A._sort_order_, Opt(6).name, Opt(6)._value_)


class P(IntFlag):
    R = auto()
    W = auto()


print(P._flag_mask_, P._all_bits_, list(P), [int(p) for p in P], P.R | P.W, P(3) + 0)
print(gc.collect())
del Opt, P
print(gc.collect() > 0)
