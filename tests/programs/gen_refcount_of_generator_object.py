# references to a generator object while it is named, iterated and running
import sys


def gen():
    me = yield 'first'
    yield sys.getrefcount(me)
    yield 'last'


g = gen()
print('named:', sys.getrefcount(g))
holder = [g, g]
print('in a list twice:', sys.getrefcount(g))
del holder
print(next(g))
print('running, sees itself:', g.send(g))
for v in g:
    print('in for loop:', v, sys.getrefcount(g))
it = iter(g)
print('iter(g) is g:', it is g, sys.getrefcount(g))
del it
f = gen
print('function refcount:', sys.getrefcount(gen))
del f
del g
