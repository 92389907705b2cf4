# ---
# title: Breaking cycles by hand
# summary: Cut one link of a cycle yourself and plain reference counting frees everything at once, no collector needed.
# options: hide-primitives
# ---
import gc
import sys

gc.collect()


class Node:
    def __init__(self, name):
        self.name = name
        self.next = None

    def __del__(self):
        #> __del__ runs when the count reaches 0. While it runs, the object is
        #> alive again for a moment (self and the call hold it: badge 2); when
        #> __del__ returns, it is freed.
        print("  freed", self.name)


#> Two Nodes; each prints a line when it is freed.
a = Node("a")
b = Node("b")
#> a points at b...
a.next = b
#> ...and b at a: a cycle of two.
b.next = a
#> Each badge shows 2: a name and the other node. getrefcount prints 3, one
#> more for the reference its own call holds while it runs (lesson 4).
print("a:", sys.getrefcount(a), "b:", sys.getrefcount(b))
#> Cut the loop: del a.next removes the attribute, and b loses a reference.
del a.next
print("after del a.next, b:", sys.getrefcount(b))
#> Cutting the other direction is tidy too, but one cut already ends the cycle.
del b.next
#? What happens to node a on 'del a'? | it is freed at once | b no longer points at it, so the name a was its last reference: its count hits 0. | choices: it is freed at once; it waits for the next collection; it stays alive | hide: a | show: a | hint: Look at the arrows into node a now that b.next is gone: is anything but the name a still pointing at it?
del a
#> b's last reference goes too: freed at once as well.
del b
#? What will gc.collect() return here? | 0 | Reference counting already freed both nodes; there is nothing left for the collector. | hide: none | hint: gc.collect() counts unreachable objects that still exist. Check the OUTPUT: what did the two nodes' __del__ print on the last two lines?
print("left for the collector:", gc.collect())


#> A longer structure: three nodes in a list...
ring = [Node("x"), Node("y"), Node("z")]
#> ...linked into a ring: x -> y -> z -> x.
ring[0].next, ring[1].next, ring[2].next = ring[1], ring[2], ring[0]
#> One cut turns the ring into a plain chain x -> y -> z. Setting a link to
#> None works as well as del, and keeps the attribute around.
ring[2].next = None
#> Dropping the list frees the chain from the head: x has no other holder, so
#> it goes first; that frees y, and y's death frees z. The next step stops
#> in x's __del__; the one after has passed over y's and z's, with all three
#> gone. OUTPUT shows the order their __del__ methods printed.
del ring
print("left for the collector:", gc.collect())


#> A common pattern: give the owner a close() method that cuts its links.
class Parent:
    def __init__(self):
        self.child = Node("child")
        self.child.next = self

    def close(self):
        self.child.next = None


#> A parent and its child, pointing at each other.
p = Parent()
#> close() cuts the child's link back to the parent...
p.close()
#> ...so dropping the name frees the parent, and with it the child.
del p
print("left for the collector:", gc.collect())
#= If you know where a cycle is, break one link (del obj.attr, obj.attr = None,
#= list.clear(), dict.pop()) before dropping the last name: memory comes back
#= immediately and deterministically, without waiting for a collection.
