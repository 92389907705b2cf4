from functools import reduce, partial, cmp_to_key, singledispatch
import operator

nums = list(range(1, 11))
evens = list(filter(lambda n: n % 2 == 0, nums))
squares = list(map(lambda n: n ** 2, nums))
print(evens, squares)
print(reduce(lambda a, b: a * b, nums), reduce(operator.add, [], 0))
print(reduce(lambda acc, w: acc + len(w), ["ab", "cde", "f"], 0))
print(list(map(operator.add, [1, 2, 3], [10, 20, 30])))
print(list(map(str.upper, ["a", "b"])), list(filter(None, [0, 1, "", "x", None, [], [0]])))

def power(base, exponent):
    return base ** exponent
square = partial(power, exponent=2)
cube = partial(power, exponent=3)
two_to = partial(power, 2)
print(square(7), cube(3), two_to(10), square.func.__name__, square.keywords, two_to.args)
print(repr(partial(int, base=2))[:28], partial(int, base=2)("1011"))

def compare_len_then_alpha(a, b):
    if len(a) != len(b):
        return len(a) - len(b)
    return (a > b) - (a < b)
words = ["pear", "fig", "apple", "kiwi", "date", "banana"]
print(sorted(words, key=cmp_to_key(compare_len_then_alpha)))

compose = lambda *fs: reduce(lambda f, g: lambda x: g(f(x)), fs)
pipeline = compose(str.strip, str.lower, lambda s: s.replace(" ", "_"))
print(pipeline("   Hello Big World  "))

@singledispatch
def describe(x):
    return f"object {x!r}"
@describe.register
def _(x: int):
    return f"int {x}"
@describe.register(list)
def _(x):
    return f"list of {len(x)}"
@describe.register(float)
def _(x):
    return f"float {x:.2f}"
print([describe(v) for v in (3, 2.5, [1, 2], "s", True)])

people = [{"name": "Al", "age": 31}, {"name": "Bo", "age": 25}, {"name": "Cy", "age": 40}]
print(sorted(people, key=operator.itemgetter("age")))
print(list(map(operator.itemgetter("name"), people)))
print(max(people, key=lambda p: p["age"])["name"])
print(sum(map(lambda p: p["age"], people)) / len(people))
f = operator.methodcaller("split", ",")
print(f("a,b,c"), operator.attrgetter("real", "imag")(3 + 4j))
print(list(zip(*[(1, "a"), (2, "b"), (3, "c")])))
print(any(map(str.isdigit, "abc1")), all(map(str.isalpha, "ab1")))
print(reduce(lambda a, b: a + b, []))
