# ---
# title: Objects, names and memory
# summary: Every value lives in memory as an object; names only point at it. Garbage collection decides when it may go.
# options: hide-primitives
# ---
#> Everything a Python program works with is an object in memory. This class
#> statement defines Box, whose objects print a line when they are built and
#> when they are reclaimed. (The HEAP panel leaves classes and functions out.)
class Box:
    def __init__(self, label):
        self.label = label
        print("built", label)

    def __del__(self):
        print("reclaimed", self.label)


#> The right-hand side builds a Box; the name 'first' is only a label stuck on
#> it. The HEAP panel draws the object, the frame box on its left the name.
first = Box("box A")
#? How many Box objects will exist once this line has run? | 1 | Assignment copies the reference, never the object: no Box is built, so nothing new appears on the heap. | hide: none | show: first | hint: Does the right-hand side call Box(...)? Then count the Box objects already in the HEAP panel.
alias = first
#> 'is' asks whether two names lead to the very same object: True.
print(first is alias)
#> Pointing 'first' somewhere else builds box B. Box A stays, because 'alias'
#> still leads to it.
first = Box("box B")
#> This line points 'alias' away too: then nothing leads to box A any more.
#> Python notices at once and gives its memory back: __del__ runs on this
#> very line.
alias = None
#> def makes a function object (not drawn); its body runs only when called.
def scratch_work():
    #> box C is made inside the call; only the local name temp refers to it.
    temp = Box("box C")
    print("working with", temp.label)
    #> Returning ends the call and its local names vanish. temp held box C's
    #> only reference, so box C is reclaimed; only the returned int lives on.
    return len(temp.label)


#> This call runs scratch_work's body. An object made in a call dies with it
#> only if nothing else refers to it: had the function returned box C, or put
#> it in a global list, box C would have outlived the call.
print("label length:", scratch_work())
#> 'del' removes a name. It was the last way to reach box B, so B goes too.
del first
print("all done")
#= An object is memory; a name is a pointer to it. When no name, slot or
#= attribute leads to an object any more, it is garbage and Python reclaims it.
#= Garbage collection is the machinery that spots garbage so you never free
#= memory by hand: no double frees, no dangling pointers. (Lesson 16 shows the
#= leaks that remain possible: objects still reachable but never used again.)
#= The next lessons show how CPython keeps track.
