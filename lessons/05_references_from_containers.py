# ---
# title: References from containers
# summary: A list slot and a dict value each count as a reference; emptying or overwriting them gives it back.
# options: hide-primitives
# ---
import sys


class Record:
    pass


#> We track one Record. (A string would work the same way, but its printed
#> count is polluted by constants and interning; see lesson 4.)
rec = Record()
print("just the name:", sys.getrefcount(rec))
#> Appending stores a reference in the list's first slot.
shelf = []
shelf.append(rec)
print("in a list too:", sys.getrefcount(rec))
#> Storing it as a dict value adds another. (Used as a dict key it would count too.)
index = {}
index["latest"] = rec
#? What does getrefcount print now? | 4 | The name, the list slot, the dict value, plus the call's temporary.
print("and in a dict:", sys.getrefcount(rec))
#> Rebinding shelf to a fresh empty list frees the old list, which gives
#> back the reference held in its slot.
shelf = []
print("old list gone:", sys.getrefcount(rec))
#> Overwriting the dict value releases the reference it held.
index["latest"] = None
print("dict value replaced:", sys.getrefcount(rec))
#> Other ways in and out: insert, then pop; setdefault, then del.
shelf.insert(0, rec)
index.setdefault("first", rec)
print("back in both:", sys.getrefcount(rec))
#? And after pop() and del? | 2 | pop returns the reference, which is dropped at once as nobody keeps the result.
shelf.pop()
del index["first"]
print("removed again:", sys.getrefcount(rec))
#> A container holds its own references: copying a list copies every arrow.
group = [rec, rec, rec]
twin = list(group)
print("three slots in two lists:", sys.getrefcount(rec))
del group, twin
print("both lists freed:", sys.getrefcount(rec))
#= Containers hold references exactly like names do. Putting an object in a
#= list, tuple, dict or attribute raises its count; removing, overwriting or
#= freeing the container lowers it again.
