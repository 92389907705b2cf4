from functools import reduce
import operator

nums = [3, 8, 1, 9, 4, 7, 2]
print(list(map(lambda x: x * 2, nums)))
print(list(filter(lambda x: x % 2, nums)))
print(reduce(lambda a, b: a + b, nums), reduce(operator.mul, nums, 1), reduce(max, nums))
print(list(map(pow, [2, 3, 4], [5, 2, 1])), list(map(str.upper, ["a", "b"])))
print(list(filter(None, [0, 1, "", "x", None, [], [0], False, True])))
print(reduce(lambda acc, w: acc + len(w), ["ab", "cde", "f"], 0))
try:
    reduce(operator.add, [])
except TypeError as e:
    print("TypeError:", e)
m = map(int, "123")
print(m.__class__.__name__, next(m), list(m), list(m))
print(any(x > 8 for x in nums), all(x > 0 for x in nums), any([]), all([]))
print(list(zip("abc", range(10), [True, False, None])), list(zip()))
print(dict(zip(["a", "b"], [1, 2])), list(enumerate("xyz", start=1)))
pairs = [(1, "one"), (2, "two"), (3, "three")]
n, w = zip(*pairs)
print(n, w)
print(sum(map(len, w)), max(map(len, w)), sorted(map(lambda p: p[1], pairs)))
compose = lambda *fs: reduce(lambda f, g: lambda x: g(f(x)), fs)
inc_then_double = compose(lambda x: x + 1, lambda x: x * 2, str)
print(repr(inc_then_double(5)))
print(list(map(operator.itemgetter(1), pairs)), list(map(operator.methodcaller("upper"), ["q"])))
print(operator.add(1, 2), operator.neg(5), operator.not_(0), operator.contains([1], 1), operator.getitem("abc", 1))
words = ["apple", "Banana", "cherry", "date"]
print(list(map(len, words)), list(filter(str.islower, words)))
print(reduce(lambda d, w: {**d, w[0].lower(): d.get(w[0].lower(), 0) + 1}, words, {}))
digits = reduce(lambda a, d: a * 10 + d, [1, 2, 3, 4])
print(digits, sum(range(101)), sum([[1], [2]], []), sum((0.5, 0.25)))
print(list(reversed(range(5))), list(range(10, 0, -3)), range(5)[-1], range(0, 10, 2)[1:3], len(range(1, 100, 7)))
r = range(3, 20, 4)
print(r, list(r), 11 in r, 12 in r, r.index(15), r.count(7), r.start, r.stop, r.step)
print(min([], default="empty"), max(1, 2, 3), min("hello"), max([("a", 2), ("b", 1)], key=lambda t: t[1]))
print(abs(-3), abs(-2.5), pow(2, 10), pow(2, -1), pow(3, 4, 5), divmod(17, 5), divmod(-17, 5), divmod(7.5, 2))
print(list(map(lambda x, y: x + y, [1, 2, 3], [10, 20])))
it = filter(lambda c: c.isdigit(), "a1b2c3")
print("".join(it))
print(list(map(None.__class__, [])) if False else "skip", callable(len), callable(3))
print(list(map(int, ["1", "x"])))
