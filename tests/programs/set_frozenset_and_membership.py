# frozensets are hashable, usable as dict keys and set members; mixed comparisons
fs = frozenset([3, 1, 2])
print(sorted(fs), len(fs), type(fs).__name__)
d = {fs: 'triple', frozenset(): 'empty'}
print(d[frozenset([1, 2, 3])], d[frozenset()])
nested = {frozenset([1]), frozenset([1]), frozenset([2])}
print(len(nested))
print(fs | {4}, type(fs | {4}).__name__, type({4} | fs).__name__)
print(fs == {1, 2, 3}, {1, 2, 3} == fs)
try:
    fs.add(4)
except AttributeError as e:
    print(e)
try:
    {{1}}
except TypeError as e:
    print(e)
seen = set()
out = []
for x in [3, 1, 3, 2, 1, 4]:
    if x not in seen:
        seen.add(x)
        out.append(x)
print(out, len(seen))
print(sorted(set([5, 3, 9]), reverse=True), max({4, 8, 1}), sum({1, 2, 3}))
