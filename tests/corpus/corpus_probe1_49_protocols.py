import math
import operator

class Idx:
    def __init__(self, v): self.v = v
    def __index__(self): return self.v
i = Idx(3)
print(bin(i), hex(i), oct(i), list(range(i)), "abcdef"[i], "abcdef"[Idx(1):Idx(4)], [0] * Idx(2), operator.index(i))

class Num:
    def __init__(self, v): self.v = v
    def __floor__(self): return "floor"
    def __ceil__(self): return "ceil"
    def __trunc__(self): return 7
    def __float__(self): return 2.5
    def __int__(self): return 9
    def __abs__(self): return "abs"
    def __neg__(self): return "neg"
    def __pos__(self): return "pos"
    def __invert__(self): return "inv"
    def __divmod__(self, o): return ("dm", o)
    def __rdivmod__(self, o): return ("rdm", o)
    def __matmul__(self, o): return "matmul"
    def __pow__(self, e, mod=None): return ("pow", e, mod)
    def __rpow__(self, b): return ("rpow", b)
    def __floordiv__(self, o): return "fd"
    def __mod__(self, o): return "mod"
    def __lshift__(self, o): return "lshift"
    def __and__(self, o): return "and"
    def __rand__(self, o): return "rand"
n = Num(1)
print(math.floor(n), math.ceil(n), math.trunc(n), float(n), int(n), abs(n), -n, +n, ~n)
print(divmod(n, 2), divmod(2, n), n @ n, n ** 2, pow(n, 2, 5), 2 ** n, n // 1, n % 1, n << 1, n & 1, 1 & n)
print(math.sqrt(n), math.isclose(n, 2.5))

class Seq:
    def __getitem__(self, k):
        if k >= 4:
            raise IndexError
        return k * 10
s = Seq()
print(list(s), 20 in s, 25 in s, [x for x in s], sorted(s, reverse=True), list(reversed([*s])))

class Container:
    def __init__(self): self.items = [1, 2, 3]
    def __iter__(self): return iter(self.items)
    def __len__(self): return len(self.items)
c = Container()
print(2 in c, 5 in c, len(c), bool(c), list(c), sum(c), max(c), dict.fromkeys(c) if hasattr(dict, "fromkeys") else {})

class DefaultDict(dict):
    def __missing__(self, key):
        self[key] = f"<{key}>"
        return self[key]
dd = DefaultDict(a=1)
print(dd["a"], dd["zz"], dd, dd.get("qq"), isinstance(dd, dict), len(dd))

class Acc:
    def __init__(self): self.items = []
    def __iadd__(self, other):
        self.items.append(other)
        return self
    def __call__(self, *a):
        return len(self.items) + len(a)
    def __len__(self): return 0
    def __bool__(self): return True
acc = Acc()
acc += 5
acc += 6
print(acc.items, acc(1, 2), bool(acc), callable(acc))

class CI(str):
    def __eq__(self, o): return self.lower() == o.lower()
    def __hash__(self): return hash(self.lower())
print(CI("Hello") == "HELLO", {CI("A"): 1}.get(CI("a")), CI("abc").upper(), type(CI("x") + "y").__name__)

class MyList(list):
    def sum(self): return sum(self)
    def __repr__(self): return f"MyList({super().__repr__()})"
ml = MyList([1, 2, 3])
ml.append(4)
print(ml, ml.sum(), len(ml), ml[1:3], type(ml[1:3]).__name__, ml + [5], isinstance(ml, list))

class Temp(float):
    def __new__(cls, v, unit="C"):
        obj = super().__new__(cls, v)
        obj.unit = unit
        return obj
    def __repr__(self): return f"{float(self)}°{self.unit}"
t = Temp(21.5)
print(t, t + 1, t.unit, Temp(3, "F") * 2, repr(Temp(0)))

class Cmp:
    def __init__(self, v): self.v = v
    def __eq__(self, o): print("eq called"); return NotImplemented
print(Cmp(1) == Cmp(1), Cmp(1) != 5)

class Bad:
    def __len__(self): return -1
try:
    len(Bad())
except ValueError as e:
    print("ValueError:", e)
class Str:
    def __str__(self): return 5
try:
    str(Str())
except TypeError as e:
    print("TypeError:", e)
class Hashless:
    __hash__ = None
try:
    {Hashless()}
except TypeError as e:
    print("TypeError:", e)
class R:
    def __reversed__(self): return iter("zyx")
print(list(reversed(R())), round(2.567, 1), round(Num(1)) if hasattr(Num, "__round__") else "no round")
