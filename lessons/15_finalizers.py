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
        print("  __del__ of", self.name)


#> On the counting path __del__ runs the moment the count reaches zero.
r = Resource("plain")
del r
print("after del r")


def cleared(ref):
    print("  weak ref callback")


#> A cycle of two objects that both have __del__. Since Python 3.4 (PEP 442)
#> the collector can free such cycles; before, it gave up and left them in
#> gc.garbage.
a = Resource("a")
b = Resource("b")
a.peer, b.peer = b, a
watch = weakref.ref(a, cleared)
del a, b
#? Which comes first: the weak ref callback or the __del__ calls? | the callback | A collection clears weak refs to the garbage, and runs their callbacks, before any finalizer.
print("collected:", gc.collect())
print("gc.garbage:", gc.garbage)
#> Resurrection: a finalizer can store self somewhere reachable.
graveyard = []


class Phoenix:
    def __del__(self):
        print("  Phoenix.__del__: saving myself")
        graveyard.append(self)


bird = Phoenix()
bird.me = bird
del bird
#> The collector runs __del__, then checks again whether the garbage is still
#> unreachable. It is not (graveyard holds it), so nothing is freed.
#? What will gc.collect() return here? | 0 | Resurrected objects are not freed and not counted.
print("collected:", gc.collect())
print("back from the dead:", len(graveyard))
#> __del__ runs at most once per object. Break the cycle and let go: this
#> time the object dies quietly.
graveyard[0].me = None
graveyard.clear()
print("collected:", gc.collect())
#= __del__ runs when the count reaches zero, or during a collection after weak
#= refs are cleared. It runs once per object, may resurrect it, and its timing
#= depends on collections, so prefer 'with' blocks or weakref.finalize for
#= cleanup that must happen at a known moment.
