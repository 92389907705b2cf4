# ---
# title: What the collector tracks
# summary: Only containers can form cycles, so only containers are tracked, and CPython stops tracking those that cannot.
# options: hide-primitives
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
#> Dicts are tracked lazily: a new empty dict is not tracked.
box = {}
#? Will the dict be tracked once it holds a string key and an int value? | False | A string and an int refer to nothing, so the dict still cannot be part of a cycle: CPython tracks a dict only once it holds a container. | choices: True; False | hide: none | show: box | hint: Only something that holds references can be part of a cycle. Could a string or an int ever lead back to the dict?
box["size"] = 3
print("dict of atoms:", gc.is_tracked(box))
#> A list is a container: the moment the dict holds one, it is tracked.
box["items"] = []
print("dict holding a list:", gc.is_tracked(box))
#> The rule is "could it ever be part of a cycle?", not "does it hold a
#> tracked object?": a dict holding an empty, untracked dict is tracked too.
#> Only a tuple that is itself untracked does not count.
print("dict holding an untracked {}:", gc.is_tracked({"inner": {}}))
#> Taking the list out again does not untrack the dict straight away...
del box["items"]
print("list removed:", gc.is_tracked(box))
#> ...a full collection notices that nothing in it could be tracked, and
#> untracks it.
gc.collect()
print("after a full collection:", gc.is_tracked(box))
n = 3
#> Tuples start out tracked, whatever they hold.
pair = (n, n + 1)
print("new tuple:", gc.is_tracked(pair))
#? Will the tuple named pair still be tracked after gc.collect()? | False | During a collection, a tuple whose items could never be tracked (here two ints) is untracked for good: being immutable, it can never come to hold a container. | choices: True; False | hide: none | show: pair | hint: A tuple can never change what it holds. Could this one, holding two ints, ever be part of a cycle? A collection checks exactly that.
gc.collect()
print("after a collection:", gc.is_tracked(pair))
#> A tuple holding a list...
holder = (n, [])
#> ...stays tracked through a collection: the list could be part of a cycle.
gc.collect()
print("tuple holding a list:", gc.is_tracked(holder))
#= The collector's work grows with the number of tracked objects, so CPython
#= keeps that number down: atoms are never tracked, a dict only once it holds
#= a container (even an empty dict; a tuple only if that tuple is tracked),
#= and tuples and dicts that turn out harmless are untracked during
#= collections (dicts only in full ones). Untracked objects are still freed
#= by reference counting.
