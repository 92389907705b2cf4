# ---
# title: The cycle detector, phase by phase
# summary: How gc finds garbage: copy each count, subtract references from inside the group, see what is left.
# options: hide-primitives, granularity=phase
# breakpoints: 76
# ---
import gc
import sys
import weakref

#> Start from a clean slate: a full collection (here of nothing this picture
#> draws, so → takes it in one step) leaves every generation's count at 0.
gc.collect()


#> This class statement makes Node. The heap does not draw classes or
#> functions (D shows them); the module box on the left stands for the
#> module's namespace, the dict that holds our global names.
class Node:
    def __init__(self, name):
        self.name = name
        self.ref = None


#> A weak reference lets us look at an object without keeping it alive
#> (lesson 14): probe() returns the object, or None once it has been freed.
def count(probe):
    #> probe() hands getrefcount a temporary reference; take it off again.
    return sys.getrefcount(probe()) - 1


#> Pair one, A and B: each node's ref will point at the other.
a, b = Node("A"), Node("B")
#> The loop A <-> B is closed.
a.ref, b.ref = b, a
#> Pair two, C and D, the same shape.
c, d = Node("C"), Node("D")
#> The loop C <-> D is closed.
c.ref, d.ref = d, c
#> Four weak references, our probes: pa on A, pb on B, pc on C, pd on D.
pa, pb, pc, pd = weakref.ref(a), weakref.ref(b), weakref.ref(c), weakref.ref(d)
#> A and B lose their names, and so does C. D keeps the name d.
del a, b, c
#? What is A's real reference count now? | 1 | B.ref still points at it; only the names went away. C also has 1, though C can still be reached through d: counts alone cannot tell garbage from live objects. | hide: counts | hint: Dashed arrows are weak references and count for nothing. Count the solid arrows into A now that the names a and b are gone.
print("A", count(pa), "B", count(pb), "C", count(pc), "D", count(pd))
#> gc.collect() runs a full collection: generation 2 and everything younger.
#> Step through it phase by phase.
#? What will gc.collect() return here? | 2 | A and B: nothing outside the loop refers to them. C and D are reachable through the name d. | hide: collector | hint: The collector only frees what nothing outside the loop refers to. Check each pair: can a name still lead into it?
#@ merge: A full collection first merges generations 0 and 1 into
#@ merge: generation 2, so every tracked object is examined: ours and the
#@ merge: interpreter's, the module namespace among them.
#@ update_refs: Each object in the set gets gc_refs, a scratch copy of its
#@ update_refs: count: A 1, B 1, C 1, and D 2 (the name d and C.ref).
#@ subtract_refs: Each reference from one object of the set to another takes
#@ subtract_refs: 1 off its target's gc_refs: A.ref off B, B.ref off A, C.ref
#@ subtract_refs: off D, D.ref off C. The namespace dict is in the set too, so
#@ subtract_refs: the name d is an inside reference as well: D falls to 0.
#@ move_unreachable: What keeps gc_refs above 0 is held from outside the set:
#@ move_unreachable: here the namespace dict, which the interpreter holds, a
#@ move_unreachable: root. From it the name d reaches D, and D.ref reaches C
#@ move_unreachable: (C, met first, was set aside and is rescued); each one
#@ move_unreachable: reached is marked gc_refs 1. Nothing reaches A or B.
#@ promote: Survivors move up a generation, but generation 2 is the last:
#@ promote: after a full collection C and D stay in generation 2.
#@ weakrefs: Before any garbage is touched, weak references to it are
#@ weakrefs: cleared: pa and pb, our probes on A and B, now give None. pc and
#@ weakrefs: pd still see C and D.
#@ finalize: Unreachable objects with a __del__ method get it called now.
#@ finalize: Node has none, so nothing happens.
#@ resurrection: A __del__ could have made garbage reachable again, so the
#@ resurrection: collector checks A and B once more: still unreachable.
#@ delete: The collector clears A's attributes. That drops B's last
#@ delete: reference, so counting frees B; with B goes its reference to A,
#@ delete: and A is freed too.
#@ done: gc.collect() returns 2: the unreachable objects it found.
found = gc.collect()
#> The collection found A and B.
print("collected:", found)
#> The probes tell us who survived: A is gone, C is alive.
print("A alive?", pa() is not None, "/ C alive?", pc() is not None)
#> Without the name d, nothing outside the loop refers to C or D any more.
del d
#> This time D's gc_refs falls to 0 with nothing to rescue it: the second
#> pair is found and freed too.
print("collected:", gc.collect())
#= The detector never looks for garbage directly. It subtracts the references
#= that come from inside the set being collected; an object with something
#= left over is referenced from outside (by the interpreter, the stack, an
#= untracked holder) and is alive, along with all it reaches. In a full
#= collection a module's names live in a dict that is itself in the set: they
#= keep objects alive because that dict is reachable, not because they are
#= outside. The rest is garbage.
