import itertools as it, gc, sys
def m(label, f):
    gc.collect()
    c0 = gc.get_count()[0]
    r = f()
    print(label, gc.get_count()[0] - c0, r)
m("count", lambda: next(it.count()))
m("product", lambda: len(list(it.product("ab", "cd"))))
m("perm", lambda: len(list(it.permutations("abc"))))
m("comb", lambda: len(list(it.combinations("abcd", 2))))
m("chain", lambda: len(list(it.chain("ab", "cd"))))
m("islice", lambda: list(it.islice(range(10), 3)))
m("zl", lambda: list(it.zip_longest("ab", "c")))
m("groupby", lambda: [(k, list(g)) for k, g in it.groupby("aab")])
m("tee", lambda: [list(t) for t in it.tee("ab")])
m("acc", lambda: list(it.accumulate([1, 2, 3])))
m("pairwise", lambda: list(it.pairwise("abc")))
m("cycle", lambda: list(it.islice(it.cycle("ab"), 5)))
p = it.product([[1], [2]], ["x"])
a = next(p)
print(sys.getrefcount(a), gc.get_referents(p) == [((([1], [2]), ('x',))), a] , len(gc.get_referents(p)))
del a
b = next(p)
print(sys.getrefcount(b), b)
for t in it.product(range(2), repeat=2):
    print(gc.is_tracked(t), end=" ")
print()
gc.collect()
print(gc.is_tracked(next(it.permutations([1, 2]))))
