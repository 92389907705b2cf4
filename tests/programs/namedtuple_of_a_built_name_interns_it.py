from collections import namedtuple
name = "".join(["Lin", "Reg"])
P = namedtuple(name, "x y")
print(P(1, 2))
