import itertools as it, sys, gc
print(list(it.islice(it.count(), 5)), list(it.islice(it.count(10, 3), 3)), list(it.islice(it.count(1.5, 0.5), 3)))
c = it.count(5); next(c)
print(c, it.count(), it.count(0, 2), it.count(1.0), it.count(0, 1.0))
print(list(it.islice(it.cycle("abc"), 7)), list(it.cycle([])))
print(list(it.repeat(7, 3)), it.repeat("x"), it.repeat("x", 2), list(it.repeat(1, -2)))
print(list(it.chain([1, 2], "ab", (3,))), list(it.chain.from_iterable([[1], [2, 3]])))
print(list(it.islice(range(10), 2, 8, 2)), list(it.islice(range(10), None)), list(it.islice("abcdef", 1, None)))
print(list(it.zip_longest([1, 2, 3], "ab", fillvalue="-")), list(it.zip_longest()))
print(list(it.product("ab", [1, 2])), list(it.product(range(2), repeat=3))[:3], list(it.product()))
print(list(it.permutations([1, 2, 3])), list(it.permutations("abc", 2)), list(it.permutations([1], 2)))
print(list(it.combinations(range(4), 2)), list(it.combinations([], 0)), list(it.combinations("ab", 3)))
print(list(it.combinations_with_replacement("ab", 2)), list(it.combinations_with_replacement([], 1)))
print(list(it.accumulate([1, 2, 3, 4])), list(it.accumulate([1, 2, 3], lambda a, b: a * b)), list(it.accumulate([1, 2], initial=10)))
print([(k, list(g)) for k, g in it.groupby("aabbbc")], [(k, list(g)) for k, g in it.groupby([1, 2, 3, 4, 6], key=lambda v: v % 2)])
groups = [(k, g) for k, g in it.groupby("aab")]
print([(k, list(g)) for k, g in groups])
print(list(it.takewhile(lambda v: v < 3, [1, 2, 3, 1])), list(it.dropwhile(lambda v: v < 3, [1, 2, 3, 1])))
print(list(it.filterfalse(None, [0, 1, "", "a"])), list(it.filterfalse(lambda v: v % 2, range(6))))
print(list(it.compress("abcdef", [1, 0, 1, 0, 1, 1])), list(it.starmap(pow, [(2, 3), (3, 2)])))
a, b = it.tee([1, 2, 3])
print(list(a), list(b), len(it.tee("x", 3)), it.tee([], 0))
print(list(it.pairwise("abcd")), list(it.pairwise([1])))
t1, t2 = it.tee(range(100))
print(sum(t1), sum(t2))
p = it.product([1, 2], [3, 4])
r1 = next(p); i1 = id(r1); del r1
r2 = next(p)
print(id(r2) == i1, sys.getrefcount(r2))
keep = next(p)
r4 = next(p)
print(keep, r4, keep is r4)
for x in it.combinations([[1], [2], [3]], 2):
    print(sys.getrefcount(x), end=" ")
print()
print(type(c).__name__, type(it.chain()).__name__, repr(type(p)))
print(gc.is_tracked(p))
try:
    it.islice([], -1)
except ValueError as e:
    print(e)
try:
    it.islice([], 1, -1)
except ValueError as e:
    print(e)
try:
    it.islice([], 0, 1, 0)
except ValueError as e:
    print(e)
for call in (lambda: it.islice([]), lambda: it.count("a"), lambda: it.repeat(), lambda: it.combinations([1]),
             lambda: it.combinations([1], -1), lambda: it.permutations([1], "x"), lambda: it.product([1], repeat=-1),
             lambda: it.product([1], rep=1), lambda: it.takewhile(len), lambda: it.cycle(), lambda: it.chain(x=1),
             lambda: it.zip_longest([1], fill=2), lambda: it.tee([1], -1), lambda: it.accumulate(), lambda: it.count(1, 2, 3),
             lambda: it.cycle(5), lambda: it.pairwise(1, 2), lambda: it.groupby(), lambda: it.compress([1])):
    try:
        call()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
