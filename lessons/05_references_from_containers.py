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
#> An empty list, the shelf.
shelf = []
#> Appending stores a reference to rec's object in the list's first slot.
shelf.append(rec)
print("in a list too:", sys.getrefcount(rec))
#> An empty dict, the index.
index = {}
#? Once this line has run, what will the next line's getrefcount(rec) print? | 4 | The name, the list slot, the new dict value, plus the call's temporary. (Used as a dict key it would count too.) | hide: rec | show: rec | hint: Start from the last number in the OUTPUT ('in a list too'), which already includes getrefcount's temporary, and add what this line stores.
index["latest"] = rec
print("and in a dict:", sys.getrefcount(rec))
#> Rebinding shelf to a fresh empty list frees the old list, which gives
#> back the reference held in its slot.
shelf = []
print("old list gone:", sys.getrefcount(rec))
#> Overwriting the dict value releases the reference it held.
index["latest"] = None
print("dict value replaced:", sys.getrefcount(rec))
#> Other ways in and out. insert puts a reference back in the list...
shelf.insert(0, rec)
#> ...and setdefault stores one under "first", since that key is missing.
index.setdefault("first", rec)
print("back in both:", sys.getrefcount(rec))
#? What will getrefcount print after pop() and del? | 2 | pop hands the list's reference back and, as nobody keeps the result, it is dropped at once; del drops the dict's. Left: the name and the call's temporary. | hide: rec | show: rec | hint: Start from the 'back in both' number in the OUTPUT and take off every reference these two lines remove. Nobody stores the value pop() returns.
shelf.pop()
#> del removes the key "first" and the reference its value held.
del index["first"]
print("removed again:", sys.getrefcount(rec))
#> Three slots holding the same object are three references.
group = [rec, rec, rec]
#> A container holds its own references: copying a list copies every arrow.
twin = list(group)
print("three slots in two lists:", sys.getrefcount(rec))
#> Freeing both lists gives back all six references.
del group, twin
print("both lists freed:", sys.getrefcount(rec))
#= Containers hold references exactly like names do. Putting an object in a
#= list, tuple, dict or attribute raises its count; removing, overwriting or
#= freeing the container lowers it again.
