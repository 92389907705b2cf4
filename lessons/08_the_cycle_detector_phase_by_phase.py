# ---
# title: The cycle detector, phase by phase
# summary: How gc finds garbage: copy each count, subtract references from inside the group, see what is left.
# options: hide-primitives, granularity=phase
# breakpoints: 52
# ---
import gc
import sys
import weakref

gc.collect()


class Node:
    def __init__(self, name):
        self.name = name
        self.ref = None


#> A weak reference lets us look at an object without keeping it alive
#> (lesson 14). probe() returns the object, or None once it has been freed.
def count(probe):
    #> probe() hands getrefcount a temporary reference; take it off again.
    return sys.getrefcount(probe()) - 1


#> Pair one, A <-> B, will lose all outside references.
a, b = Node("A"), Node("B")
a.ref, b.ref = b, a
#> Pair two, C <-> D, will keep one: the name d.
c, d = Node("C"), Node("D")
c.ref, d.ref = d, c
pa, pb, pc, pd = weakref.ref(a), weakref.ref(b), weakref.ref(c), weakref.ref(d)
del a, b, c
#> The counts alone cannot tell the dead pair from the live one: A, B and C
#> all show 1. The collector needs more than counts.
#? What is A's real reference count now? | 1 | B.ref still points at it; only the names went away.
print("A", count(pa), "B", count(pb), "C", count(pc), "D", count(pd))
#> Phase 1, update_refs: every object in the generations being collected gets
#> a scratch copy of its count, gc_refs: A 1, B 1, C 1, D 2.
#> Phase 2, subtract_refs: for each reference between two objects of the set,
#> take 1 off the target's gc_refs. B.ref hits A, A.ref hits B, C.ref hits D,
#> D.ref hits C: A 0, B 0, C 0, D 1. Whatever is left must come from outside
#> the set: here, the name d.
#> Phase 3, move_unreachable: objects with gc_refs > 0 are roots. Everything
#> a root can reach is alive. C is first put aside as maybe-unreachable, then
#> rescued when D, a root, turns out to point at it. A and B stay unreachable.
#> Phase 4, finalize and delete: unreachable objects get their __del__ (none
#> here), then their references are cleared, so ordinary counting frees them.
#> Survivors move up a generation (lesson 10).
#? What will gc.collect() return here? | 2 | A and B; C and D are reachable through d.
found = gc.collect()
print("collected:", found)
print("A alive?", pa() is not None, "/ C alive?", pc() is not None)
#> Drop the last outside reference and run the detector again: now D's
#> gc_refs also falls to 0 and the second pair goes too.
del d
print("collected:", gc.collect())
#= The detector never looks for garbage directly. It subtracts the references
#= that come from inside the tracked set; an object with something left over
#= is referenced from outside (a name, the stack, an untracked holder) and is
#= alive, along with all it reaches. The rest is an isolated island: garbage.
