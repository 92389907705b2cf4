# enumerate (with start), iter and next (with a default) over lists, strings and dicts
for i, ch in enumerate('abc'):
    print(i, ch)
for i, v in enumerate([10, 20], 1):
    print(i, v)
print(list(enumerate(['x', 'y'], start=5)))
it = iter([1, 2, 3])
print(next(it), next(it))
print(next(it), next(it, 'exhausted'), next(it, None))
s = iter('hi')
print(next(s), next(s), next(s, '!'))
d = {'first': 1, 'second': 2}
keys = iter(d)
print(next(keys), next(keys))
e = enumerate(d.items())
print(next(e))
print(list(e))
pairs = list(enumerate((3, 4)))
print(pairs)
for idx, pair in enumerate([(1, 2), (3, 4)]):
    print(idx, pair[0] + pair[1])
