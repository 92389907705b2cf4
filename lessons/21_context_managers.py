# ---
# title: Context managers
# summary: A with block releases a resource at a known moment, even when an error interrupts it, instead of whenever the object dies.
# options: hide-primitives
# ---
import sys


#> FakeFile stands in for a real file: gcscope lessons never touch the disk.
#> __enter__ and __exit__ make it usable in a with statement.
class FakeFile:
    def __init__(self, name, lines):
        self.name = name
        self.data = lines
        self.is_open = True
        print("open", name)

    def __enter__(self):
        return self

    def __exit__(self, kind, value, traceback):
        self.close()
        #> Returning False lets any exception continue on its way.
        return False

    def close(self):
        if self.is_open:
            self.is_open = False
            print("close", self.name)

    def lines(self):
        for line in self.data:
            yield line


#> Reading line by line inside a with block. __exit__ closes the file the
#> moment the block ends.
with FakeFile("log.txt", ["a", "bb", "ccc"]) as f:
    for line in f.lines():
        print("  read", line)
#> The block is over and __exit__ has closed the file. 'with' manages the
#> resource; what happened to the object?
#? How many references to the FakeFile are left now the block is over? | 1 | Only the name f: the with statement let go of its own reference (to the object's __exit__) when the block ended, so getrefcount prints 2. | hide: f | show: f | hint: Count references, not what getrefcount will print. The with statement held one while the block ran; which arrows into the FakeFile are left?
print("closed?", not f.is_open, "- count:", sys.getrefcount(f))
#> f was the last reference: the object is freed.
del f
try:
    #> An error inside this block still runs __exit__ before the error travels
    #> on to the except clause.
    with FakeFile("data.csv", ["1", "x"]) as g:
        for line in g.lines():
            print("  parsed", int(line))
except ValueError:
    print("bad line; was the file closed?", not g.is_open)
del g
#> Without 'with', closing waits for us, or for the object to die. If it sits
#> in a reference cycle, that can be much later, at the next collection.
h = FakeFile("forgotten.txt", [])
#> A loop of one: without its name, this object would wait for the detector.
h.me = h
print("still open?", h.is_open)
#> So close by hand (or better, use with)...
h.close()
#> ...then break the cycle...
h.me = None
#> ...and the last name goes: counting frees it at once.
del h
#= Memory is reclaimed when objects become unreachable; other resources
#= (files, sockets, locks, connections) should not wait for that. A with block
#= calls __exit__ on the way out, error or not, so the release happens exactly
#= where the block ends.
