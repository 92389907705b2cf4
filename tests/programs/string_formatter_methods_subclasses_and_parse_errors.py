import string
f = string.Formatter()
print(f.format("{0} and {name!r:>6}", 1, name="x"))
print(f.vformat("{a}-{b}", (), {"a": 1, "b": 2}))
print(list(f.parse("Hi {name!r:>10} and {0[1]} {{x}} end")))
print(f.get_field("a.real", (), {"a": 3}))
print(f.get_value(0, (5,), {}), f.get_value("k", (), {"k": 6}))
print(f.format_field(3.14159, ".2f"), f.convert_field("x", "r"), f.convert_field("x", None))
print(f.check_unused_args(set(), (), {}))
class Default(string.Formatter):
    def get_value(self, key, args, kwds):
        if isinstance(key, str):
            return kwds.get(key, "<" + key + ">")
        return super().get_value(key, args, kwds)
print(Default().format("{a} {b} {0}", 7, a=1))
print(string.Formatter, string.Template)
t = string.Template("$who likes ${what}")
print(t.substitute(who="tim", what="kung pao"), t.safe_substitute(who="tim"))
try:
    t.substitute(who="x")
except KeyError as e:
    print("KeyError", e)
try:
    f.format("{0}")
except IndexError as e:
    print("IndexError", e)
try:
    f.format("{a}")
except KeyError as e:
    print("KeyError", e)
try:
    f.format()
except TypeError as e:
    print("TypeError", e)
try:
    f.format("{0!x}", 1)
except ValueError as e:
    print("ValueError", e)
print(f.format("{:{w}}|", "ab", w=5))
print(f.format("{} {}", 1, 2))
try:
    f.format("{} {0}", 1, 2)
except ValueError as e:
    print("ValueError", e)
for call in [lambda: f.vformat("x"), lambda: f.vformat("x", (), {}, 1), lambda: f.parse(5),
             lambda: f.format_field(1, 2), lambda: f.get_value(0), lambda: f.get_field(3, (), {}),
             lambda: f.format("{0[}", [1]), lambda: f.format("{0.}", 1), lambda: f.format("{0]x}", 1),
             lambda: f.format("{0]x", 1), lambda: f.format("}"), lambda: f.format("{"), lambda: f.format("{0!}", 1),
             lambda: f.format("{0!rx}", 1), lambda: f.format("{0:{1:{2}}}", 1, 2, 3), lambda: f.format("{a{b}", a=1),
             lambda: string.Formatter(1), lambda: f.format("{0[1]x}", [1, 2]), lambda: f.format("{0:{0", 1)]:
    try:
        print(repr(call()))
    except (TypeError, ValueError, IndexError, KeyError) as e:
        print(type(e).__name__, e)
print(f.format("{0.real:>{1}} {x[k]} {x[k]!r:^9}|", 3, 4, x={"k": "v"}))
print(f.format("{:{}}|{}", "a", 3, "b"))
print(f.format("{0:{1}}", 3.5, ".3f"))
print(list(f.parse("")), list(f.parse("plain")), list(f.parse("{}{}")), list(f.parse("{!r}")), list(f.parse("{{}}")))
print(f.get_field("0[1].imag", ([5, 7],), {}))
class Strict(string.Formatter):
    def check_unused_args(self, used_args, args, kwargs):
        unused = set(kwargs) - used_args
        if unused:
            raise ValueError("unused: " + ", ".join(sorted(unused)))
try:
    Strict().format("{a}", a=1, b=2)
except ValueError as e:
    print(e)
class Upper(string.Formatter):
    def format_field(self, value, spec):
        return super().format_field(value, spec).upper()
    def convert_field(self, value, conversion):
        if conversion == "u":
            return str(value).upper()
        return super().convert_field(value, conversion)
print(Upper().format("{0} {1!u} {2:>5}", "ab", "cd", "ef"))
it = f.parse("a{0}b")
print(type(it).__name__, next(it), next(it))
import gc
print(gc.is_tracked(f), gc.is_tracked(it), isinstance(f, string.Formatter), issubclass(Upper, string.Formatter))
print(string.__all__)
