# reversed, map, filter and zip return lazy iterators
r = reversed([1, 2, 3])
print(type(r).__name__, list(r), list(r))
print(list(reversed('abc')), list(reversed(range(4))), list(reversed((1, 2))))
m = map(str, [1, 2, 3])
print(type(m).__name__, next(m), list(m))
print(list(map(lambda a, b: a * b, [1, 2, 3], [4, 5])))
print(list(filter(None, [0, 1, '', 'x', None, [], [0]])))
print(list(filter(lambda n: n % 2, range(7))))
z = zip('ab', [1, 2, 3])
print(type(z).__name__, list(z), list(z))
print(list(zip()), list(zip([1])), list(zip(*[(1, 'a'), (2, 'b')])))
print(dict(zip(['k1', 'k2'], [10, 20])))
for i, (a, b) in enumerate(zip('xy', 'pq')):
    print(i, a, b)
print(list(map(len, filter(lambda s: s, ['', 'ab', 'c']))))
try:
    reversed(5)
except TypeError as e:
    print(e)
try:
    list(map(int, ['1', 'x']))
except ValueError as e:
    print(e)
