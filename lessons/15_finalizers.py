# ---
# title: Finalizers
# summary: __del__ on the counting path, __del__ inside a garbage cycle, and an object that brings itself back to life.
# options: hide-primitives, granularity=phase
# ---
import gc
import weakref

gc.collect()


class Resource:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        #> __del__ runs when the count reaches 0. While it runs, the object is
        #> alive again for a moment (self and the call hold it: badge 2); then
        #> it is freed, unless __del__ stored it somewhere.
        print("  __del__ of", self.name)


#> A Resource with one name.
r = Resource("plain")
#> On the counting path __del__ runs the moment the count reaches zero.
del r
print("after del r")


def cleared(ref):
    print("  weak ref callback")


#> Two Resources, both with __del__...
a = Resource("a")
b = Resource("b")
#> ...in a cycle. Since Python 3.4 (PEP 442) the collector can free such
#> cycles; before, it gave up and left them in gc.garbage.
a.peer, b.peer = b, a
#> A weak reference to a, with a callback.
watch = weakref.ref(a, cleared)
#> The names go: the pair is cyclic garbage.
del a, b
#? Which comes first: the weak ref callback or the __del__ calls? | the callback | A collection clears the weak references to its garbage, and runs their callbacks, before it calls any finalizer. | choices: the callback; the __del__ calls | hide: none | hint: Lesson 8 stepped through the collector's phases in order. Which came first: clearing weak references or calling __del__?
#@ weakrefs: The weak reference to a is cleared first. It is itself still
#@ weakrefs: reachable (through the name watch), so its callback runs now.
#@ finalize: Then __del__ runs for a and for b, once each, while both are
#@ finalize: still intact.
#@ resurrection: Nothing brought a or b back: they are still unreachable.
#@ delete: Their references are cleared, and counting frees both.
print("collected:", gc.collect())
print("gc.garbage:", gc.garbage)
#> Resurrection: a finalizer can store self somewhere reachable, such as
#> this list.
graveyard = []


class Phoenix:
    def __del__(self):
        print("  Phoenix.__del__: saving myself")
        graveyard.append(self)


#> A Phoenix...
bird = Phoenix()
#> ...in a cycle of one...
bird.me = bird
#> ...loses its name: it is cyclic garbage, with a __del__.
del bird
#> A full collection finds the Phoenix unreachable and runs its __del__.
#@ finalize: The Phoenix's __del__ runs: it appends itself to graveyard.
#@ resurrection: The collector checks the garbage again: graveyard now
#@ resurrection: reaches the Phoenix, so it is neither freed nor counted.
#? What will gc.collect() return here? | 0 | __del__ put the Phoenix in graveyard, so when the collector checks the garbage again it is reachable: resurrected objects are neither freed nor counted. | hide: none | hint: After the Phoenix's __del__ runs, can something reachable lead to it again? The collector checks once more before it frees or counts anything.
print("collected:", gc.collect())
print("back from the dead:", len(graveyard))
#> Break its cycle...
graveyard[0].me = None
#> ...and let go: counting frees it, but __del__ runs at most once per object,
#> so this time it dies quietly.
graveyard.clear()
#> A full collection now has nothing to find: the Phoenix is already gone.
#@ update_refs: Each object in the set gets gc_refs, a copy of its count.
#@ subtract_refs: References from inside the set are taken off. The module's
#@ subtract_refs: names dict is in the set too, so the list graveyard names
#@ subtract_refs: and the weak reference watch names fall to 0, like D in
#@ subtract_refs: lesson 8.
#@ move_unreachable: The names dict is held from outside (gc_refs 1): a root.
#@ move_unreachable: The scan reaches both objects from it, so nothing is
#@ move_unreachable: unreachable and this collection frees nothing.
print("collected:", gc.collect())
#> weakref.finalize(obj, func, *args) calls func(*args) when obj dies, or at
#> interpreter exit if obj is still alive then. Here func is release.
def release(name):
    print("  released", name)


res = Resource("file")
#> Register release("file") for when res's object dies, or for exit.
closer = weakref.finalize(res, release, "file")
#> Calling the finalizer yourself is the one moment you choose: it runs now,
#> and never again.
closer()
print("still pending?", closer.alive)
#> When the object dies later, only its own __del__ is left to run.
del res
#= __del__ runs when the count reaches zero, or during a collection after weak
#= refs are cleared. It runs once per object, may resurrect it, and its timing
#= depends on collections. weakref.finalize(obj, func) calls func when obj
#= dies or at interpreter exit, whichever comes first: no more predictable.
#= For cleanup at a known moment, use a 'with' block, or call the finalize
#= object (or a close() method) yourself.
