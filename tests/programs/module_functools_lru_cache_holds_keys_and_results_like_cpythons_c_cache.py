import functools, gc, sys
gc.collect()
@functools.lru_cache(maxsize=None)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(90), fib.cache_info())
@functools.lru_cache(maxsize=3)
def mk(i):
    return [i]
a = mk(1); b = mk(2)
print(sys.getrefcount(a), sys.getrefcount(b))
keys = [1]

mk(3); mk(4)
print(sys.getrefcount(a), mk.cache_info())
class Node:
    def __init__(self): self.me = self
@functools.lru_cache(maxsize=None)
def hold(x):
    return x
n = Node()
hold(n)
del n
print(gc.collect())
hold.cache_clear()
print(gc.collect())
def outer():
    @functools.lru_cache(maxsize=None)
    def inner(k):
        return inner if k == 0 else [k]
    inner(0); inner(1)
outer()
print(gc.collect())
