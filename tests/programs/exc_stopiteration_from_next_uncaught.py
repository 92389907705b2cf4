# next() on an exhausted iterator raises StopIteration; next(it, default) does not
it = iter([10, 20])
print(next(it))
print(next(it))
print(next(it, 'default'))
g = (x for x in 'ab')
print(next(g), next(g), next(g, None))
try:
    next(g)
except StopIteration as e:
    print('StopIteration args:', e.args, repr(e.value))
it2 = iter(range(1))
print(next(it2))
next(it2)
