# ---
# title: Generations
# summary: New objects start in generation 0; each collection they survive moves them up, and young generations are checked most often.
# options: hide-primitives
# ---
import gc


class Thing:
    pass


def generation_of(obj):
    for g in range(3):
        #> gc.get_objects(g) makes a new list of the objects tracked in
        #> generation g: it is on the heap while this loop runs. Its cells
        #> marked · are the interpreter's own objects, which are not drawn.
        for candidate in gc.get_objects(g):
            if candidate is obj:
                return g
    return None


#> A full collection resets the three counters of gc.get_count() to 0. The
#> CYCLE COLLECTOR panel shows them as they change.
gc.collect()
#> t1, then t2 and t3: each new instance is allocated, tracked and put in
#> generation 0.
t1 = Thing()
t2 = Thing()
t3 = Thing()
#> One of them is freed again at once.
del t3
#> A string holds no references: the collector never deals with it.
word = "x" * 50
#> An empty dict is allocated but not tracked (lesson 22): it goes to the
#> "not tracked" column, not to generation 0.
box = {}
#? Three Things made and one freed, a string, an empty dict. What does gc.get_count() show? | (3, 0, 0) | The first number counts allocations minus deallocations, since generation 0 was last collected, of objects the collector could track: 3 Things - 1 + the dict, tracked or not. A str is not such an object. | hide: collector | hint: gc.collect() reset all three counts to 0. Since then: +1 for each new object of a kind the collector could track (tracked or not), -1 for each one freed; a str is not one.
print("count:", gc.get_count(), "- dict tracked?", gc.is_tracked(box))
#> So the first number is not "objects in generation 0": of ours, only t1
#> and t2 are there. (The print above allocated too: the panel's count is
#> past 3 now. CPython keeps freed dicts, lists and tuples for reuse; such a
#> free, and such a reuse, change nothing.)
print("t1 lives in generation", generation_of(t1))
#> Collect only generation 0. t1 survives (it has a name) and moves to 1.
#> The second number counts collections of generation 0 since generation 1
#> was last collected: 1. Not objects either: t1 and t2 alone are two.
gc.collect(0)
print("count:", gc.get_count(), "- t1 in", generation_of(t1))
#> Another young collection does not even look at generation 1.
gc.collect(0)
print("count:", gc.get_count(), "- t1 in", generation_of(t1))
#> Collecting generation 1 also takes in everything younger; survivors reach
#> 2. Counts 0 and 1 go back to 0, and generation 2's count goes up by one.
gc.collect(1)
print("count:", gc.get_count(), "- t1 in", generation_of(t1))
#> Generation 2 is the top: survivors of a full collection stay there.
gc.collect(2)
print("count:", gc.get_count(), "- t1 in", generation_of(t1))
#> Why it matters: garbage is only found when its generation is collected.
#> Build a cycle...
old_a, old_b = Thing(), Thing()
old_a.peer, old_b.peer = old_b, old_a
#> ...let it grow old: a full collection moves it to generation 2...
gc.collect()
#> ...and only then let it become garbage.
del old_a, old_b
#? The cycle sits in generation 2 now. What does gc.collect(0) return? | 0 | A young collection never visits generation 2. | hide: none | hint: gc.collect(0) examines generation 0 only. Look at which column of the heap the two old Things sit in.
print("collect(0) finds", gc.collect(0))
#> Generation 1 collections do not visit generation 2 either.
print("collect(1) finds", gc.collect(1))
#> Only a full collection finds the old cycle.
print("collect(2) finds", gc.collect(2))
#> A cycle that dies young is caught by the cheap, frequent young collection.
young_a, young_b = Thing(), Thing()
young_a.peer, young_b.peer = young_b, young_a
del young_a, young_b
print("young cycle: collect(0) finds", gc.collect(0))
#= Most objects die young, so CPython checks generation 0 often and the older
#= generations rarely. gc.get_count() is not a census of the generations: its
#= first number is allocations minus deallocations of collector-managed
#= objects since generation 0 was last collected, the others count
#= collections of the younger generation. A fresh REPL shows hundreds because of its own
#= work; right after gc.collect() it shows a few, not because objects left
#= generation 0 but because the counter was reset and the REPL allocated a
#= little more. collect(g) examines generations 0..g together, promotes the
#= survivors one step, resets counts 0..g and adds 1 to the count of g+1.
#= Python 3.14.0 to 3.14.4 shipped an incremental collector with only a young
#= and an old generation, so collect(1) and get_count() meant something
#= different there (3.14.5 went back to this one).
