# ---
# title: Generations
# summary: New objects start in generation 0; each collection they survive moves them up, and young generations are checked most often.
# options: hide-primitives
# ---
import gc


class Thing:
    pass


def generation_of(obj):
    #> gc.get_objects(g) lists the objects tracked in generation g.
    for g in range(3):
        for candidate in gc.get_objects(g):
            if candidate is obj:
                return g
    return None


#> Start-up leaves objects behind: a fresh REPL shows hundreds in get_count(),
#> a script a different number. A full collection first gives us (0, 0, 0).
gc.collect()
#> Three new instances. Each tracked allocation adds 1 to generation 0's count.
t1 = Thing()
t2 = Thing()
t3 = Thing()
#? What does gc.get_count() show right after three allocations? | (3, 0, 0) | The first number counts allocations since generation 0 was last collected.
print("count:", gc.get_count())
print("t1 lives in generation", generation_of(t1))
#> Collect only generation 0. t1 survives (it has a name) and moves to 1.
#> The second number counts how many times generation 0 has been collected.
gc.collect(0)
print("count:", gc.get_count(), "- t1 in", generation_of(t1))
#> Another young collection does not even look at generation 1.
gc.collect(0)
print("count:", gc.get_count(), "- t1 in", generation_of(t1))
#> Collecting generation 1 also takes in everything younger; survivors reach 2.
gc.collect(1)
print("count:", gc.get_count(), "- t1 in", generation_of(t1))
#> Generation 2 is the top: survivors of a full collection stay there.
gc.collect(2)
print("count:", gc.get_count(), "- t1 in", generation_of(t1))
#> Why it matters: garbage is only found when its generation is collected.
#> Build a cycle and let it grow old before it becomes garbage.
old_a, old_b = Thing(), Thing()
old_a.peer, old_b.peer = old_b, old_a
gc.collect()
del old_a, old_b
#? The cycle sits in generation 2 now. What does gc.collect(0) return? | 0 | A young collection never visits generation 2.
print("collect(0) finds", gc.collect(0))
print("collect(1) finds", gc.collect(1))
print("collect(2) finds", gc.collect(2))
#> A cycle that dies young is caught by the cheap, frequent young collection.
young_a, young_b = Thing(), Thing()
young_a.peer, young_b.peer = young_b, young_a
del young_a, young_b
print("young cycle: collect(0) finds", gc.collect(0))
#= Most objects die young, so CPython checks generation 0 often and the older
#= generations rarely. collect(g) examines generations 0..g together, promotes
#= the survivors one step, resets counts 0..g and adds 1 to the count of g+1.
#= Python 3.14 shipped an incremental collector with only a young and an old
#= generation, so collect(1) and get_count() mean something different there.
