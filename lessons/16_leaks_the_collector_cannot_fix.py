# ---
# title: Leaks the collector cannot fix
# summary: A global list that only grows and a cache without a limit: reachable objects are never garbage.
# options: hide-primitives
# ---
import gc

gc.collect()

class Data:
    alive = 0

    def __init__(self, key):
        self.key = key
        Data.alive += 1
    def __del__(self):
        Data.alive -= 1

#> The leak: every call parks its data in a module-level list and never
#> takes it out again.
global_list = []

def process_data(i):
    data = Data(i)
    global_list.append(data)
    return i * 2

for i in range(100):
    process_data(i)
print("alive after 100 calls:", Data.alive)
#? Can gc.collect() reclaim them? | no, it returns 0 | They are reachable from a global name, so they are not garbage.
print("collect:", gc.collect(), "- still alive:", Data.alive)
#> The fix is to keep nothing you will not use again: here, only the result.
global_list.clear()
total = 0
for i in range(100):
    data = Data(i)
    total += data.key * 2
del data
print("fixed version - alive:", Data.alive, "total:", total)
#> The same problem in disguise: a cache with no size limit.
global_cache = {}

def fetch_data(key):
    if key not in global_cache:
        global_cache[key] = Data(key)
    return global_cache[key]

for i in range(500):
    fetch_data(i % 250)
print("unbounded cache holds:", len(global_cache), "- alive:", Data.alive)

#> A bounded cache keeps at most maxsize entries. A hit moves the key to the
#> end (dicts keep insertion order); a miss past the limit evicts the first,
#> least recently used, key.
class BoundedCache:
    def __init__(self, maxsize):
        self.maxsize = maxsize
        self.items = {}

    def get(self, key):
        if key in self.items:
            value = self.items.pop(key)
        else:
            value = Data(key)
            if len(self.items) >= self.maxsize:
                del self.items[next(iter(self.items))]
        self.items[key] = value
        return value

global_cache.clear()
bounded = BoundedCache(32)
for i in range(500):
    bounded.get(i % 250)
#? How many Data objects are alive now? | 32 | The bounded cache never holds more than maxsize.
print("bounded cache holds:", len(bounded.items), "- alive:", Data.alive)
bounded.items.clear()
#= The collector frees unreachable objects only. Anything still reachable, from
#= a global list, a cache, a registry or a listener list, stays forever: that
#= is a leak in Python. Bound what you keep (or use functools.lru_cache).
