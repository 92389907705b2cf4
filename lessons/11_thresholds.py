# ---
# title: Thresholds
# summary: When CPython decides to collect on its own, and the trade-off between CPU time and memory that the thresholds set.
# options: hide-primitives
# ---
import gc

gc.collect()
#> Three numbers: generation 0 is collected when its count passes the first;
#> generation 1 when it has had more young collections than the second, and
#> so on. Python 3.13 raised the first number to 2000.
defaults = gc.get_threshold()
print("default thresholds:", defaults)
#> They can be changed at run time...
gc.set_threshold(1000, 15, 15)
print("changed:", gc.get_threshold())
#> ...and we put the defaults back straight away.
gc.set_threshold(*defaults)


class Job:
    pass


#> gc.callbacks lets us watch automatic collections: each function listed
#> there is called with "start" and "stop" and a dict of details.
runs = []


def watch(phase, info):
    if phase == "stop":
        runs.append(info["generation"])


#> A tiny first threshold makes automatic collections easy to see.
gc.collect()
gc.set_threshold(10)
gc.callbacks.append(watch)
kept = []
for i in range(250):
    kept.append(Job())
gc.callbacks.remove(watch)
#? About how many young collections did 250 new objects trigger? | 21 | One each time the count passed 10, i.e. every 11 allocations.
print("young collections:", runs.count(0), "- older:", runs.count(1))
#> The trade-off. With threshold 10, cycles are found soon after they die.
gc.collect()
for i in range(200):
    a = Job()
    b = Job()
    a.other = b
    b.other = a
del a, b
#> Not zero, though: a pair still named when a young pass ran was promoted to
#> generation 1, died there, and waits for the rarer older collection.
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
#= its threshold. Low thresholds: frequent short pauses, little garbage lying
#= around. High thresholds: fewer pauses, more memory held by dead cycles.
#= The defaults suit most programs.
