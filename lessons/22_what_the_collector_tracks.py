# ---
# title: What the collector tracks
# summary: Only containers can form cycles, so only containers are tracked, and CPython stops tracking those that cannot.
# options: show-primitives
# ---
import gc

gc.collect()
#> Ints, strings and None hold no references to other objects, so they can
#> never be part of a cycle. The collector does not even keep a list of them.
print("int, str, None:", gc.is_tracked(42), gc.is_tracked("text"), gc.is_tracked(None))
#> Lists are tracked from birth, even empty ones.
print("lists:", gc.is_tracked([]), gc.is_tracked([1, 2]))


class Point:
    pass


def helper():
    pass


#> Instances and functions refer to other objects (their class, their globals).
print("instance, function:", gc.is_tracked(Point()), gc.is_tracked(helper))
#> Dicts are tracked lazily: only once they hold something that is tracked.
box = {}
box["size"] = 3
#? Is a dict of only strings and ints tracked? | False | It cannot reach a cycle, so CPython leaves it out.
print("dict of atoms:", gc.is_tracked(box))
box["items"] = []
print("dict holding a list:", gc.is_tracked(box))
#> Taking the list out again does not untrack the dict straight away...
del box["items"]
print("list removed:", gc.is_tracked(box))
#> ...a full collection notices that it holds only atoms and untracks it.
gc.collect()
print("after a full collection:", gc.is_tracked(box))
#> Tuples built at run time start out tracked. During a collection, a tuple
#> whose items are all untracked is dropped from the lists for good.
n = 3
pair = (n, n + 1)
print("new tuple:", gc.is_tracked(pair))
#? Still tracked after gc.collect()? | False | Both items are ints, so the tuple can never be part of a cycle.
gc.collect()
print("after a collection:", gc.is_tracked(pair))
holder = (n, [])
gc.collect()
print("tuple holding a list:", gc.is_tracked(holder))
#= The collector's work grows with the number of tracked objects, so CPython
#= keeps that number down: atoms are never tracked, dicts only when needed,
#= and tuples and dicts that turn out harmless are untracked during
#= collections. Untracked objects are still freed by reference counting.
