# yield from delegates to a subgenerator and evaluates to its return value
def inner(tag):
    yield tag + '1'
    yield tag + '2'
    return tag + '-result'


def outer():
    r = yield from inner('a')
    print('inner returned', r)
    r2 = yield from inner('b')
    print('inner returned', r2)
    yield from [10, 20]
    yield from range(2)
    return 'outer-done'


g = outer()
for v in g:
    print('got', v)


def wrapper():
    result = yield from outer()
    yield 'wrapper saw ' + result


print(list(wrapper()))
