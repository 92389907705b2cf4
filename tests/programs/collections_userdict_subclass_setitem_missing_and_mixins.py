from collections import UserDict

class LowerDict(UserDict):
    def __setitem__(self, key, value):
        super().__setitem__(key.lower(), value)

d = LowerDict({"A": 1}, B=2)
d["C"] = 3
d.update({"Dd": 4}, E=5)
d.update([("F", 6)])
print(d, len(d), "a" in d, "A" in d, d["a"], d.get("zz", "none"), list(d))
print(d.pop("a"), d.pop("nope", 0), d.setdefault("g", 7), d.setdefault("b", 99))
print(d == {"b": 2, "c": 3, "dd": 4, "e": 5, "f": 6, "g": 7}, d == LowerDict(b=2), d != {})
print(sorted(d.keys()), sorted(d.values()), sorted(d.items()))
print(d.popitem(), len(d))
class Defaulting(UserDict):
    def __missing__(self, key):
        return f"<{key}?>"
m = Defaulting(x=1)
print(m["x"], m["y"], m.get("y"), "y" in m)
u = UserDict(a=1) | {"b": 2}
print(type(u).__name__, u, {"z": 0} | UserDict(a=1))
u |= UserDict(c=3)
print(u, u.copy(), type(d.copy()).__name__, d.copy() == d)
print(UserDict.fromkeys(["p", "q"], 0), LowerDict.fromkeys("XY"))
try:
    UserDict()["missing"]
except KeyError as e:
    print("KeyError", e)
try:
    hash(UserDict())
except TypeError as e:
    print(e)
c = UserDict(k=[1])
c.clear()
print(c, bool(c), bool(UserDict(a=1)))
print(isinstance(UserDict(), dict), UserDict.__module__, UserDict.__name__)
