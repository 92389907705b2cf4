width, prec, value = 10, 3, 3.14159
print(f"{value:{width}.{prec}f}|", "{a}-{b}".format_map({"a": 1, "b": 2}))
print({1: 2} | {3: 4}, [0] * 3, list(zip([1, 2], "ab", strict=True)), list(enumerate("xy", start=1)))
d = {"b": 2, "a": 2, "c": 5}
print(sorted(d.items(), key=lambda kv: (-kv[1], kv[0])))
counter = 0
def inc():
    global counter
    counter += 1
inc(); inc(); print(counter)
xs = list(range(10)); del xs[2:5]; xs[::2] = [0] * len(xs[::2]); print(xs)
print((255).bit_length(), (3.0).is_integer(), "abc".translate(str.maketrans("ab", "xy")), bytes.fromhex("41 42"), (1024).to_bytes(2, "big"))
import math
print(math.isclose(0.1 + 0.2, 0.3), 0.1 + 0.2, sum([0.1] * 10), math.fsum([0.1] * 10), round(2.5), round(3.5), round(-0.5))
print(int.from_bytes(b"\x01\x00", "little"), divmod(-7, 2), 7 // -2, -7 % -2, 2 ** 100, 10 ** -2, 1 / 3)
print("%s is %d years and %.1f%%" % ("Bob", 30, 99.5), "%(x)s" % {"x": 1}, "%05.1f|%-6s|%x" % (3.14159, "ab", 255))
print(str(1e16), str(1e-5), repr(0.1), 1e22, 123456789.0 * 10, float("inf"), -0.0, 5e-324)
print(list(map(str.upper, ["a", "b"])), "".join(reversed("abc")), "a,b,,c".split(","), " x y ".split(), "aXbXc".rsplit("X", 1))
print(any([]), all([]), max("abc"), min([3, 1], default=0), sorted("bca", reverse=True), list(range(10, 0, -3)))
import itertools
print(list(itertools.accumulate([1, 2, 3])), list(itertools.groupby("aabbc"))[0][0], dict(itertools.zip_longest("ab", [1])))
class A:
    def __init__(self): self.x = 1
    def __getattr__(self, name): return f"missing {name}"
print(A().y, A().x, getattr(A(), "z"))
class B:
    def __init_subclass__(cls, **kw):
        super().__init_subclass__()
        print("subclass", cls.__name__, kw)
class C(B, tag=1): pass
class Meta(type):
    def __new__(m, name, bases, ns):
        ns["made_by"] = "Meta"
        return super().__new__(m, name, bases, ns)
class D(metaclass=Meta): pass
print(D.made_by, type(D).__name__)
first, *rest = [1, 2, 3]; print(first, rest, [*rest, *"ab"], {**{"a": 1}, "b": 2})
print(isinstance(3, (int, str)), type(3) is int, int.__name__, (3).__class__.__mro__)
s = {3, 1, 2}; s.add(0); print(sorted(s), s & {1, 9}, s - {1}, s ^ {9}, {x for x in "hello"} == set("helo"))
print(hash("abc") == hash("abc"), id(s) == id(s), callable(print), repr(print), repr(len))
