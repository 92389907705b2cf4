# * and ** unpack iterables and mappings into a call; several unpackings combine in order
def show(a, b, c, d=0, **rest):
    return [a, b, c, d, rest]


args = [1, 2]
opts = {'d': 4, 'e': 5}
print(show(*args, 3))
print(show(*args, *[30], **opts))
print(show(0, *(1, 2)))
print(show(*range(3), d=9))
print(show(**{'a': 'A', 'b': 'B', 'c': 'C'}))
print(show(1, **{'b': 2}, c=3, z=26))
print(show(*'xy', **dict(c='z')))
print(*[1, 2, 3], sep='-')
print(*'abc')
first, *middle, last = [1, 2, 3, 4, 5]
print(first, middle, last)
*init, tail = 'hey'
print(init, tail)
print([*args, *'ab', *range(2)], {**opts, 'f': 6}, (*args,))
