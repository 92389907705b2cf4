# lesson scenario: a cache dict that keeps computed lists alive until evicted
import sys

cache = {}


def squares(n):
    if n in cache:
        print('hit', n)
        return cache[n]
    print('miss', n)
    result = []
    for i in range(n):
        result.append(i * i)
    cache[n] = result
    return result


a = squares(4)
print('a', a, 'refcount', sys.getrefcount(a))
b = squares(4)
print('same object:', a is b, 'refcount', sys.getrefcount(a))
c = squares(6)
print('cache keys', list(cache.keys()))
print('evicting 4')
evicted = cache.pop(4)
print('refcount after eviction', sys.getrefcount(evicted))
del a, b
print('only evicted holds it now', sys.getrefcount(evicted))
d = squares(4)
print('recomputed is a new list:', d is evicted, d == evicted)
cache.clear()
print('after clear', sys.getrefcount(c), sys.getrefcount(d))
