# ---
# title: When counting fails
# summary: An object that refers to itself never sees its count fall to zero on its own.
# options: hide-primitives
# ---
import sys

#> A list of three strings; the name words is its only reference.
words = ["one", "two", "three"]
#> getrefcount counts one more than the names: the call's own argument.
print("before:", sys.getrefcount(words))
#? What will getrefcount print after the list is appended to itself? | 3 | The name, the list's own fourth slot, and the call's temporary. | hide: words | show: words | hint: Start from the 'before' number in the OUTPUT. The new fourth slot points at the list itself, and a slot counts like any other reference.
words.append(words)
#> repr notices the loop and prints [...] instead of recursing forever.
print(words)
#> The list's fourth slot points back at the list itself: a loop of one.
print("after:", sys.getrefcount(words))


#> Thing's objects report when they are freed.
class Thing:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("  freed", self.name)


plain = Thing("plain")
#> No loop here: deleting the only name frees it at once.
del plain
loopy = Thing("loopy")
#> Now an instance whose attribute is the instance itself.
loopy.me = loopy
#> Keep a second name, only so that we can still look at the object.
handle = loopy
print("loopy's count:", sys.getrefcount(handle))
#? How many references will the object have after 'del loopy'? (Count them as the badge does: getrefcount prints one more, for its argument.) | 2 | handle still refers to it, and so does its own attribute me: the count drops from 3 to 2, not to 0, so the object lives on. | hide: loopy | show: handle | hint: del removes one reference only. Count what else points at the object: names in the names box, and its own attribute me.
del loopy
print("after del loopy:", sys.getrefcount(handle))
#> Dropping handle now would leave the count at 1, held by the object's own
#> attribute. Another Thing shows what that means.
lost = Thing("lost")
lost.me = lost
#> Its only name goes: the count falls from 2 to 1, not to 0, so no "freed"
#> is printed. No name reaches it any more, yet it stays in memory: counting
#> alone leaks it (lessons 7 to 9 show the detector that finds such objects).
del lost
print("lost has no name, and was not freed")
#> For loopy we cut the loop first: del handle.me.
del handle.me
#? What happens on 'del handle'? | __del__ runs and it is freed | With the loop gone, handle holds the last reference, so the count reaches 0 at once. | choices: it waits for the cycle detector; __del__ runs and it is freed; nothing, it stays alive | hide: handle | hint: del handle.me just cut the loop. Is anything besides handle still pointing at the object, and what does CPython do when a count reaches zero?
del handle
#> The same for the list: pop() takes out the self-reference...
words.pop()
#> ...and its last name goes, so the list is freed.
del words
print("done")
#= A reference cycle, even one of a single object, keeps every count in it at
#= least 1. Reference counting can never free such objects by itself: lost
#= is still on the heap when the program ends. (Run with python3.11, the
#= file prints one more line after "done", "freed lost": CPython runs the
#= cycle detector once more as it shuts down.)
