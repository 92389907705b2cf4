# ---
# title: Reference counting
# summary: Follow one list's count as names are added, deleted and rebound, down to zero.
# options: hide-primitives
# breakpoints: 24
# ---
#> sys.getrefcount(obj) tells us how many references an object has. The call
#> itself holds one more while it runs, so we subtract 1 (lesson 4 looks closer).
import sys

#> A brand-new list. The name x is its one and only reference.
x = [1, 2, 3]
print("after x = [1, 2, 3]:", sys.getrefcount(x) - 1)
#> y = x copies the arrow, not the list: watch the badge go from 1 to 2.
y = x
#? How many references does the list have now? | 2 | x and y both point at the same list.
print("after y = x:", sys.getrefcount(x) - 1)
#> del x removes the name x only. The list lives on through y.
del x
print("after del x:", sys.getrefcount(y) - 1)
#> Rebinding y to a string drops the list's last reference. Its count hits
#> zero and CPython frees it on the spot, in the middle of this line: no
#> waiting, no separate sweep. Watch the node fade out of the HEAP panel.
y = "hello"
print("y is now", y)


#> The same story with an object that reports when it is freed.
class Noisy:
    def __del__(self):
        print("  count reached 0: freed")


n = Noisy()
m = n
#? Will 'del n' free the object? | no | m still refers to it, so its count only drops from 2 to 1.
del n
print("del n done")
#> Rebinding m takes the count to zero; __del__ runs before the next print.
m = None
print("m = None done")
#= Every name, list slot, dict value or attribute that points at an object adds
#= one to its reference count; removing it subtracts one. At zero, CPython frees
#= the object immediately. This is the main way memory is reclaimed in CPython.
#= (From 3.12 on, None, small ints and some strings are 'immortal': their count
#= is a huge fixed number that never changes, so never reason with theirs.)
