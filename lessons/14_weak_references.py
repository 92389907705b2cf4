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
#> ints and strs do not (weakref.ref([]) raises TypeError).
big = HeavyObject("report")
#> A weak reference does not add to the count.
link = weakref.ref(big)
#> getrefcount prints 2: the name big, plus the reference the call itself
#> holds while it runs (lesson 4). The badge stays at 1: link counts for none.
print("count with a weak ref:", sys.getrefcount(big))
#> Calling the weak reference gives back the object while it is alive.
print("link() gives:", link().name)


def gone(ref):
    print("  callback: the object behind the weak ref was freed")


#> A second weak reference, this one with a callback.
watcher = weakref.ref(big, gone)
#? What will link() return after 'del big'? | None | The name was the last strong reference, so the object is freed at once; its weak references are cleared (and watcher's callback runs). | choices: None; the HeavyObject 'report'; it raises an error | hide: big | show: big | hint: A weak reference (dashed arrow) does not keep an object alive. Count the solid references to the HeavyObject besides the name big.
del big
#> The weak reference is still there, but it leads nowhere now.
print("link() now gives:", link())
#> A WeakValueDictionary holds its values weakly: an entry disappears by
#> itself when its value is freed elsewhere.
cache = weakref.WeakValueDictionary()
#> in_use keeps a strong reference to this one...
in_use = HeavyObject("config")
cache["config"] = in_use
#> A second entry, whose value is a brand-new HeavyObject made on this line.
#> EVENTS will list what happens to it.
#? How many entries will the cache hold once this line has run? | 1 | Nobody else holds 'scratch', so it dies as soon as the line ends and its entry vanishes; 'config' stays, held by in_use. | hide: none | hint: An entry stays only while something else holds its value strongly. Will any name hold each value once the line has run?
cache["scratch"] = HeavyObject("scratch")
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
#> The cache holds settings weakly; the name settings holds it strongly.
smart.set("config", settings)
#> As long as the program uses settings, the cache can hand it out again.
print("hit:", smart.get("config").name)
#> Once nobody uses it, the object is freed instead of kept forever, and its
#> cache entry goes with it.
del settings
print("after del:", smart.get("config", "missing"))
#= A weak reference watches an object without owning it. Use weak references
#= for caches, registries and back-pointers (child -> parent) so they neither
#= keep objects alive nor create strong cycles.
