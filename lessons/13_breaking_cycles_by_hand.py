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
        print("  freed", self.name)


a = Node("a")
b = Node("b")
a.next = b
b.next = a
print("a:", sys.getrefcount(a), "b:", sys.getrefcount(b))
#> Cut the loop: del a.next removes the attribute, and b loses a reference.
del a.next
print("after del a.next, b:", sys.getrefcount(b))
#> Cutting the other direction is tidy too, but one cut already ends the cycle.
del b.next
#? What happens on 'del a'? | a is freed at once | Nothing points at a any more, so its count hits 0.
del a
del b
#? What will gc.collect() return here? | 0 | Reference counting already freed both nodes.
print("left for the collector:", gc.collect())


#> A longer structure: a ring of three. Setting a link to None works as well
#> as del, and keeps the attribute around.
ring = [Node("x"), Node("y"), Node("z")]
ring[0].next, ring[1].next, ring[2].next = ring[1], ring[2], ring[0]
#> One cut turns the ring into a plain chain x -> y -> z.
ring[2].next = None
#> Dropping the list now frees the chain from the head: x, then y, then z.
del ring
print("left for the collector:", gc.collect())


#> A common pattern: give the owner a close() method that cuts its links.
class Parent:
    def __init__(self):
        self.child = Node("child")
        self.child.next = self

    def close(self):
        self.child.next = None


p = Parent()
p.close()
del p
print("left for the collector:", gc.collect())
#= If you know where a cycle is, break one link (del obj.attr, obj.attr = None,
#= list.clear(), dict.pop()) before dropping the last name: memory comes back
#= immediately and deterministically, without waiting for a collection.
