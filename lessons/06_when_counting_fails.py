# ---
# title: When counting fails
# summary: An object that refers to itself never sees its count fall to zero on its own.
# options: hide-primitives
# ---
import sys

words = ["one", "two", "three"]
print("before:", sys.getrefcount(words))
#> Appending a list to itself: its fourth slot points back at the list.
words.append(words)
#> repr notices the loop and prints [...] instead of recursing forever.
print(words)
#? What is the count now? | 3 | The name, the list's own fourth slot, and the call's temporary.
print("after:", sys.getrefcount(words))


#> Now an instance whose attribute is the instance itself.
class Thing:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("  freed", self.name)


plain = Thing("plain")
#> No loop here: deleting the only name frees it at once.
del plain
loopy = Thing("loopy")
loopy.me = loopy
#> Keep a second name, only so that we can still look at the object.
handle = loopy
print("loopy's count:", sys.getrefcount(handle))
#? Does 'del loopy' free the object? | no | handle still refers to it, and so does its own attribute.
del loopy
print("after del loopy:", sys.getrefcount(handle))
#> If we dropped handle now, the count would stop at 1 (the self reference):
#> unreachable, yet never zero, so reference counting alone would never free
#> it. Lessons 7 to 9 show the cycle detector that finds such objects. Here we
#> undo the loop by hand first (lesson 13 covers this), then let go.
del handle.me
#? What happens on the next line? | __del__ runs | With the loop gone, handle is the last reference.
del handle
#> The same for the list: remove its self-reference, then its name.
words.pop()
del words
print("done")
#= A reference cycle, even one of a single object, keeps every count in it at
#= least 1. Reference counting can never free such objects by itself.
