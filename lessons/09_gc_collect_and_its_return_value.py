# ---
# title: gc.collect() and its return value
# summary: The number collect() returns counts the unreachable objects the detector found, which is not quite everything freed.
# options: hide-primitives
# ---
import gc

#> First, sweep away whatever start-up left behind, so the next numbers are ours.
gc.collect()
d1 = {}
d2 = {}
d1["partner"] = d2
d2["partner"] = d1
#? The two dicts form a cycle but both still have names. What does collect() return? | 0 | Both dicts are reachable through d1 and d2, so nothing is garbage.
found = gc.collect()
print(f"first pass: {found} unreachable objects")
#> Now the names go. Each dict keeps the other's count at 1.
del d1, d2
found = gc.collect()
print(f"second pass: {found} unreachable objects")
#> Running it again right away finds nothing: the cycle is already gone.
print("third pass:", gc.collect())
#> The count only includes objects the collector tracks. A dict holding only
#> ints and strings cannot be part of a cycle, so CPython does not track it.
left = []
right = [left]
left.append(right)
left.append({"size": 3})
print("is the small dict tracked?", gc.is_tracked(left[1]))
del left, right
#? Three objects become garbage. What does collect() return? | 2 | The untracked dict is freed when the list holding it dies, but it was never in the count.
print("lists plus an untracked dict:", gc.collect())


class Point:
    pass


#> An instance whose attribute is itself. In 3.11 its attributes are stored
#> inside the instance, with no separate dict object.
p = Point()
p.me = p
del p
print("self-referencing instance:", gc.collect())
#> Reading p.__dict__ makes CPython build a real dict for the attributes, so
#> the cycle now has two objects: the instance and its dict.
p = Point()
p.me = p
p.__dict__["label"] = "materialized"
del p
#? And now? | 2 | The instance and its materialized __dict__.
print("same, after using __dict__:", gc.collect())
#= gc.collect() returns how many tracked objects it found unreachable. Objects
#= freed as a side effect (untracked dicts, strings, ints) are not counted.
#= Versions differ in such details: before 3.11 every instance came with its
#= own attribute dict, so the self-referencing instance counted as 2. Compare
#= these numbers only on the same Python version.
