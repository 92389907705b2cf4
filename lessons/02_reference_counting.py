# ---
# title: Reference counting
# summary: Follow one list's count as names are added, deleted and rebound, down to zero.
# options: hide-primitives
# breakpoints: 28
# ---
#> This import gives us sys.getrefcount(obj), which reports an object's count.
#> The call itself holds one more while it runs, so we subtract 1 (lesson 4
#> looks closer). The red dot beside line 28 is a breakpoint: → goes a line
#> at a time, F5 runs on until a breakpoint's line.
import sys

#> This line builds a brand-new list. The name x will be its one and only
#> reference: once the line has run, its badge in the HEAP panel shows 1.
x = [1, 2, 3]
print("after x = [1, 2, 3]:", sys.getrefcount(x) - 1)
#? How many references will the list have after y = x? | 2 | y = x copies the reference, not the list: x and y now both point at it. | hide: none | show: x | hint: The badge shows the list's count before this line runs. Count every name that will point at the list once y = x has run.
y = x
#> The print confirms what the badge shows.
print("after y = x:", sys.getrefcount(x) - 1)
#> del x removes the name x only. The list lives on through y: its count
#> goes from 2 to 1.
del x
print("after del x:", sys.getrefcount(y) - 1)
#> Rebinding y to a string drops the list's last reference. Its count hits
#> zero and CPython frees it on the spot, in the middle of this line: no
#> waiting, no separate sweep. After this line its box is gone from the heap.
y = "hello"
print("y is now", y)


#> The same story with an object that reports when it is freed: Noisy's
#> __del__ prints a line.
class Noisy:
    def __del__(self):
        print("  count reached 0: freed")


#> A Noisy object with one name, n.
n = Noisy()
#> This line gives the same object a second name: its count will go to 2.
m = n
#? Will 'del n' free the object? | no, it stays alive | m still refers to it, so its count only drops from 2 to 1. | choices: yes, __del__ runs; no, it stays alive | hide: n | show: m | hint: del removes a name, not the object. Look in the names box: how many names lead to the Noisy object?
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
