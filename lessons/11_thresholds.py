# ---
# title: Thresholds
# summary: When CPython decides to collect on its own, and the trade-off between CPU time and memory that the thresholds set.
# options: hide-primitives
# ---
import gc

gc.collect()
#> gc.get_threshold() gives three numbers, one per generation. An allocation
#> that takes generation 0's count past the first starts an automatic
#> collection. (Python 3.13 raised that first number to 2000.)
defaults = gc.get_threshold()
#> That collection takes the oldest generation whose count is past its own
#> number: generation 1 counts young collections, generation 2 collections of
#> generation 1. A full collection also waits until the objects that reached
#> generation 2 since the last one are 25 % of those that survived it.
print("default thresholds:", defaults)
#> They can be changed at run time...
gc.set_threshold(1000, 15, 15)
print("changed:", gc.get_threshold())
#> ...and we put the defaults back straight away.
gc.set_threshold(*defaults)


class Job:
    pass


#> runs will record the generation of every collection we see.
runs = []


def watch(phase, info):
    if phase == "stop":
        runs.append(info["generation"])


#> A clean slate before the experiment.
gc.collect()
#> A tiny first threshold makes automatic collections easy to see.
gc.set_threshold(10)
#> Every function in gc.callbacks is called at the "start" and "stop" of each
#> collection, with a dict of details: watch will see every automatic one.
gc.callbacks.append(watch)
kept = []
#> 250 new Jobs, all kept alive in a list. Watch generation 0's count in the
#> CYCLE COLLECTOR panel climb and fall back: → stops at the first two
#> collections, then passes over the rest and says how many ran; G goes to
#> each one.
#? How many young (generation 0) collections will these 250 new Jobs trigger? | 21 | A collection starts each time the count passes 10, every 11 new Jobs: 22 in all. But at the 12th, generation 1's count (11 young collections) is past its threshold of 10, so that one collects generation 1 instead. | hide: none | hint: A collection starts each time generation 0's count passes 10. But once generation 1's count passes its own threshold of 10, the collection takes generation 1 instead.
for i in range(250):
    kept.append(Job())
gc.callbacks.remove(watch)
#> runs holds 21 zeros and one 1: young collections and one of generation 1.
#> (This print allocates too, and starts one more young collection: watch is
#> gone and does not see it, but the CYCLE COLLECTOR panel counts it.)
print("young collections:", runs.count(0), "- older:", runs.count(1))
#> The trade-off. A clean slate first; threshold 10 is still set.
gc.collect()
#> 200 pairs in a cycle, each pair dying when a and b move on to the next.
for i in range(200):
    a = Job()
    b = Job()
    a.other = b
    b.other = a
del a, b
#> Young collections caught most pairs soon after they died, but this full
#> collection still finds 16: 5 in generation 0, dead since the last young
#> collection, and 11 in generation 2: pairs one of whose members moved up
#> while it still had a name. A young collection never looks at an older
#> generation, so it took that member's reference as one from outside.
waiting = gc.collect()
print("threshold 10: garbage waiting:", waiting)
#> With a huge threshold no automatic pass runs: less CPU spent collecting,
#> but all 400 dead objects stay in memory until someone collects.
gc.set_threshold(100000)
for i in range(200):
    a = Job()
    b = Job()
    a.other = b
    b.other = a
del a, b
print("threshold 100000: garbage waiting:", gc.collect())
#> Always restore what you changed.
gc.set_threshold(*defaults)
print("restored:", gc.get_threshold())
#= A collection starts inside an allocation, when generation 0's count passes
#= its threshold, and takes the oldest generation whose count is past its own
#= (generation 2 only once the objects that reached it since the last full
#= collection are 25 % of those that survived it). Low thresholds: frequent
#= short pauses, little garbage lying around. High thresholds: fewer pauses,
#= more memory held by dead cycles. The defaults suit most programs.
