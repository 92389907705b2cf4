# ---
# title: An object's lifecycle
# summary: Birth, sharing, release and death of a list, and how one death can set off others.
# options: hide-primitives
# ---
import sys

#> Stage 1, birth: the list is allocated, filled, and bound to a.
a = [1, 2, 3]
print("born, references:", sys.getrefcount(a) - 1)
#> Stage 2, sharing: b becomes a second way to reach the same list.
b = a
print("shared, references:", sys.getrefcount(a) - 1)
#> Stage 3, release: del b takes one reference away. Nothing is freed.
del b
print("released once, references:", sys.getrefcount(a) - 1)
#? What happens to the list on 'del a'? | it is freed at once | a held its last reference; the count drops to 0 and CPython frees the list inside this very statement. | choices: it is freed at once; it waits for the next garbage collection; it stays alive with count 0 | hide: a | hint: The OUTPUT's last line says how many references the list has now. What does CPython do the moment a count reaches zero?
del a
#> Stage 4, death: the list died inside 'del a' and its box has left the
#> HEAP panel. This line only reports it.
print("a deleted; the list no longer exists")


#> Death can cascade. A Part reports when it is freed.
class Part:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("  freed part", self.name)


#> A list holding two parts: each part is referenced only by its slot.
kit = [Part("wheel"), Part("axle")]
print("wheel references:", sys.getrefcount(kit[0]) - 1)
#> One part also gets a name of its own, so it has two references.
spare = kit[1]
#? Which parts are freed when kit goes? | only the wheel | Freeing the list drops one reference from each item; the wheel reaches 0, but the axle is still named spare. | choices: both parts; only the wheel; only the axle; neither | hide: counts | hint: Freeing the list takes one reference away from each part. For each part, look for any other arrow into it, such as one from a name.
del kit
print("kit deleted")
#> The axle's last reference goes now, and it is freed.
del spare
print("spare deleted")
#= Lifecycle: created with one reference, shared (count goes up), released
#= (count goes down), destroyed at zero. Freeing a container releases what it
#= holds, which may free those objects in turn, all within the same statement.
