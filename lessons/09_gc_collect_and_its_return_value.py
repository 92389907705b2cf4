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
#> Each dict becomes a value in the other: a cycle of two.
d1["partner"] = d2
d2["partner"] = d1
#? The two dicts form a cycle but both still have names. What does collect() return? | 0 | Both dicts are reachable through the names d1 and d2, so nothing is garbage. | hide: none | hint: A cycle is garbage only if nothing outside it refers to it. Look at the names box on the heap's left.
found = gc.collect()
print(f"first pass: {found} unreachable objects")
#> Now the names go. Each dict keeps the other's count at 1.
del d1, d2
#> This pass finds the two dicts unreachable and frees them: found is 2.
found = gc.collect()
print(f"second pass: {found} unreachable objects")
#> Running it again right away finds nothing: the cycle is already gone.
print("third pass:", gc.collect())
#> An empty list, left...
left = []
#> ...and right, which holds left...
right = [left]
#> ...then left holds right: a cycle of two lists.
left.append(right)
#> While a dict holds only strings and ints it cannot be part of a cycle, so
#> CPython does not track it: it sits in the "not tracked" column. (Store a
#> list in it and it is tracked from then on.)
left.append({"size": 3})
print("is the small dict tracked?", gc.is_tracked(left[1]))
#> The names go: the two lists and the dict they hold are all garbage now.
del left, right
#? Three objects are garbage. What does collect() return? | 2 | Only the two tracked lists are counted. The untracked dict is freed when the list holding it dies, but the collector never counted it. | hide: none | hint: collect() counts only objects the collector tracks. Check which column each of the three sits in: a generation or 'not tracked'.
print("lists plus an untracked dict:", gc.collect())


class Point:
    pass


#> A new Point. In 3.11 an instance stores its attributes inside itself,
#> with no separate dict object.
p = Point()
#> Its attribute me is the instance itself: a loop of one.
p.me = p
del p
#> One unreachable object: the instance.
print("self-referencing instance:", gc.collect())
#> The same again...
p = Point()
p.me = p
#> ...but reading p.__dict__ makes CPython build a real dict for the
#> attributes, and that dict is tracked too.
p.__dict__["label"] = "materialized"
del p
#? And now, what does collect() return? | 2 | The instance and its materialized __dict__ refer to each other, and both are tracked. | hide: none | hint: Using p.__dict__ made CPython build a real dict for the attributes. Count every tracked object in the loop, not just the instance.
print("same, after using __dict__:", gc.collect())
#= gc.collect() returns how many tracked objects it found unreachable. Objects
#= freed as a side effect (untracked dicts, strings, ints) are not counted.
#= Versions differ in such details: before 3.11 every instance came with its
#= own attribute dict, so the self-referencing instance counted as 2. Compare
#= these numbers only on the same Python version.
