# ---
# title: Objects, names and memory
# summary: Every value lives in memory as an object; names only point at it. Garbage collection decides when it may go.
# options: hide-primitives
# ---
#> Welcome! Everything a Python program touches is an object in memory.
#> A class whose objects announce their own birth and death makes this visible.
class Box:
    def __init__(self, label):
        self.label = label
        print("built", label)

    def __del__(self):
        print("reclaimed", self.label)


#> The right-hand side builds an object; the name 'first' is just a label
#> stuck on it. The HEAP panel shows the object, the frame shows the name.
first = Box("box A")
#> A second name for the same object: no copy is made, nothing new is built.
alias = first
#? Do 'first' and 'alias' name one object or two? | one | Assignment copies the reference, never the object.
print(first is alias)
#> Pointing 'first' somewhere else builds box B. Box A stays, because 'alias'
#> still leads to it.
first = Box("box B")
#> Now nothing leads to box A any more. Python notices at once and gives its
#> memory back: __del__ runs on this very line.
alias = None
#> Objects made inside a function are reachable only while the call runs.
def scratch_work():
    temp = Box("box C")
    print("working with", temp.label)
    #> When the call returns, its local names vanish, and box C with them.
    return len(temp.label)


print("label length:", scratch_work())
#> 'del' removes a name. It was the last way to reach box B, so B goes too.
del first
print("all done")
#= An object is memory; a name is a pointer to it. When no name, slot or
#= attribute leads to an object any more, it is garbage and Python reclaims it.
#= Garbage collection is the machinery that spots garbage so you never free
#= memory by hand: no forgotten frees (leaks), no double frees, no dangling
#= pointers. The next lessons show how CPython keeps track.
