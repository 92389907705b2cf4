# a generator expression evaluates its first iterable immediately, everything else lazily
def source(name, n):
    print('source', name)
    return range(n)


def check(x):
    print('check', x)
    return x % 2 == 0


g = (x for x in source('outer', 4) if check(x))
print('genexp built')
print(next(g))
print(next(g))
print(list(g))
g2 = ((a, b) for a in source('A', 2) for b in source('B', 2))
print('second built')
print(list(g2))
l = [x for x in source('listcomp', 2) if check(x)]
print(l)
try:
    g3 = (x for x in 5)
except TypeError as e:
    print('eager error:', e)
g4 = (1 // x for x in [1, 0])
print(next(g4))
try:
    next(g4)
except ZeroDivisionError as e:
    print('lazy error:', e)
