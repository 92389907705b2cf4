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

#> This module-level list is the leak: process_data parks every Data object
#> in it, and nothing ever takes one out again.
global_list = []

def process_data(i):
    data = Data(i)
    global_list.append(data)
    return i * 2

#> 100 calls: each returns, but its Data object stays behind in global_list.
for i in range(100):
    process_data(i)
print("alive after 100 calls:", Data.alive)
#? Can gc.collect() reclaim them? | no, it returns 0 | They are reachable from a global name, so they are not garbage: the collector frees only what nothing reachable refers to. | choices: no, it returns 0; yes, all 100 | hide: none | hint: The collector only frees what nothing reachable refers to. Follow the arrows from the name global_list.
print("collect:", gc.collect(), "- still alive:", Data.alive)
#> Emptying the list frees all 100. clear() takes every item out at once,
#> then lets go of them one by one, the last first: until its turn, a Data
#> is held only by clear() itself (count 1, no arrow). Each __del__ runs as
#> its count reaches 0.
global_list.clear()
total = 0
#> The fix is to keep nothing you will not use again: here, only the total.
#> Each Data dies as soon as the name data moves on to the next one.
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

#> 500 lookups of 250 keys: every key stays cached, forever.
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

#> Emptying the unbounded cache frees its 250 objects.
global_cache.clear()
bounded = BoundedCache(32)
#? After the same 500 lookups, how many Data objects will be alive? | 32 | The bounded cache never holds more than maxsize; every evicted object has no other reference and dies at once. | hide: none | show: bounded.items | hint: Only bounded.items will hold Data objects: the old cache was emptied and the loop keeps no result. Read get(): how many items can it hold?
for i in range(500):
    bounded.get(i % 250)
print("bounded cache holds:", len(bounded.items), "- alive:", Data.alive)
bounded.items.clear()
#= The collector frees unreachable objects only. Anything still reachable, from
#= a global list, a cache, a registry or a listener list, stays forever: that
#= is a leak in Python. Bound what you keep (or use functools.lru_cache).
