# Calls with no arguments at all: the argument vector may be empty.
from collections import UserDict
from functools import lru_cache

d = UserDict()
print(len(d), d)
d2 = UserDict(None, a=1)
print(d2)

@lru_cache(maxsize=4)
def answer():
    print("computed")
    return 42

print(answer(), answer())
print(answer.cache_info())
