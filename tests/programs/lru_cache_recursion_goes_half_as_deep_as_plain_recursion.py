from functools import lru_cache, cache
import sys
@lru_cache(None)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(300) % 1000000)
@cache
def depth(n):
    return 0 if n == 0 else 1 + depth(n - 1)
for n in (490, 497, 498, 499, 500, 600):
    depth.cache_clear()
    try:
        print(n, depth(n))
    except RecursionError as e:
        print(n, "RecursionError", e)
def plain(n):
    return 0 if n == 0 else 1 + plain(n - 1)
for n in (990, 996, 997, 998):
    try:
        print(n, plain(n))
    except RecursionError as e:
        print(n, "RecursionError", e)
