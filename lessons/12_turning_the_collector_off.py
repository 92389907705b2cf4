# ---
# title: Turning the collector off
# summary: disable(), enable(), isenabled(), set_threshold(0) and freeze(): what each stops, and what keeps working.
# options: hide-primitives
# ---
import gc

gc.collect()
print("enabled at start:", gc.isenabled())


class Job:
    def __del__(self):
        if self.loud:
            print("  a job was freed")


starts = []


def watch(phase, info):
    if phase == "start":
        starts.append(info["generation"])


gc.callbacks.append(watch)
gc.disable()
print("after disable():", gc.isenabled())
#> 1000 cycles, 2000 tracked objects: far past the threshold of 700.
for i in range(1000):
    a, b = Job(), Job()
    a.loud = b.loud = False
    a.other, b.other = b, a
del a, b
#? How many automatic collections ran? | 0 | disable() stops only the automatic cycle detector.
print("automatic collections while disabled:", len(starts))
#> Reference counting cannot be switched off: an object without a cycle is
#> still freed the moment its count reaches zero.
lone = Job()
lone.loud = True
del lone
#> Turn it back on, then clear the 2000 objects that piled up meanwhile.
gc.enable()
print("garbage that piled up:", gc.collect())
#> set_threshold(0) is another off switch: isenabled() still says True, but
#> the count can never 'pass' a threshold of zero, so no pass ever starts.
defaults = gc.get_threshold()
gc.set_threshold(0)
starts.clear()
for i in range(1000):
    a = Job()
    a.loud = False
    a.me = a
del a
print("enabled?", gc.isenabled(), "- automatic collections:", len(starts))
gc.set_threshold(*defaults)
print("cleared by hand:", gc.collect())
gc.callbacks.remove(watch)
#> A large web service forks many worker processes from one parent. Every
#> pass writes into the headers of the objects it visits, so the operating
#> system has to copy the parent's shared memory pages into every worker.
#> Turning the collector off helped them; Python 3.7 then added gc.freeze():
#> it moves every tracked object into a permanent generation that collections
#> skip. Call it in the parent just before forking.
keep_a, keep_b = Job(), Job()
keep_a.loud = keep_b.loud = False
keep_a.other, keep_b.other = keep_b, keep_a
gc.freeze()
print("something frozen:", gc.get_freeze_count() > 0)
del keep_a, keep_b
#? The pair is garbage now, but frozen. What does collect() return? | 0 | Frozen objects are invisible to the collector.
print("collect while frozen:", gc.collect())
gc.unfreeze()
print("after unfreeze():", gc.collect(), "- frozen left:", gc.get_freeze_count())
#= disable() and set_threshold(0) stop automatic cycle detection; collect()
#= still works and reference counting never stops. freeze() hides what already
#= exists from the collector. Turn it off only if you collect at safe points.
