# ---
# title: Weak references
# summary: weakref.ref and WeakValueDictionary point at an object without keeping it alive; a cache that empties itself.
# options: hide-primitives
# ---
import sys
import weakref


class HeavyObject:
    def __init__(self, name):
        self.name = name
        #> Stands in for a big payload (the real thing might hold a million items).
        self.data = list(range(1000))


#> Instances of our own classes accept weak references; plain lists, dicts,
#> ints and strs do not.
big = HeavyObject("report")
#> A weak reference does not add to the count.
link = weakref.ref(big)
print("count with a weak ref:", sys.getrefcount(big))
#> Calling the weak reference gives back the object while it is alive.
print("link() gives:", link().name)


def gone(ref):
    print("  callback: the object behind the weak ref was freed")


#> A second weak reference, this one with a callback.
watcher = weakref.ref(big, gone)
#? What does link() return after 'del big'? | None | The last strong reference is gone, so the object is freed and weak refs are cleared.
del big
print("link() now gives:", link())
#> A WeakValueDictionary holds its values weakly: an entry disappears by
#> itself when its value is freed elsewhere.
cache = weakref.WeakValueDictionary()
in_use = HeavyObject("config")
cache["config"] = in_use
cache["scratch"] = HeavyObject("scratch")
#? How many entries are left? | 1 | Nobody else held 'scratch', so it died at once and its entry vanished.
print("entries:", len(cache), list(cache.keys()))


#> The SmartCache pattern: a tiny wrapper around a WeakValueDictionary.
class SmartCache:
    def __init__(self):
        self.cache = weakref.WeakValueDictionary()

    def get(self, key, default=None):
        return self.cache.get(key, default)

    def set(self, key, value):
        self.cache[key] = value


def load_config():
    return HeavyObject("settings")


smart = SmartCache()
settings = load_config()
smart.set("config", settings)
print("hit:", smart.get("config").name)
#> As long as the program uses settings, the cache can hand it out again...
del settings
#> ...and once nobody does, the cache lets it go instead of keeping it forever.
print("after del:", smart.get("config", "missing"))
#= A weak reference watches an object without owning it. Use weak references
#= for caches, registries and back-pointers (child -> parent) so they neither
#= keep objects alive nor create strong cycles.
