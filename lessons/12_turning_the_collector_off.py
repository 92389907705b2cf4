# ---
# title: Turning the collector off
# summary: disable(), enable(), isenabled(), set_threshold(0) and freeze(): what each stops, and what keeps working.
# options: hide-primitives
# ---
import gc

gc.collect()
print("enabled at start:", gc.isenabled())


#> A Job prints when it is freed, if it is 'loud'.
class Job:
    def __del__(self):
        if self.loud:
            print("  a job was freed")


#> starts will record every collection that begins.
starts = []


def watch(phase, info):
    if phase == "start":
        starts.append(info["generation"])


#> watch is called at the start and the stop of every collection.
gc.callbacks.append(watch)
#> gc.disable() switches automatic collection off.
gc.disable()
print("after disable():", gc.isenabled())
#> 1000 cycles, 2000 tracked objects: far past the threshold of 700.
#? How many automatic collections will run during this loop? | 0 | disable() stops the automatic cycle detector: no allocation starts a collection, however high the count. | hide: collector | hint: Read the OUTPUT's last line, printed just after gc.disable(). What does that switch turn off?
for i in range(1000):
    a, b = Job(), Job()
    a.loud = b.loud = False
    a.other, b.other = b, a
del a, b
print("automatic collections while disabled:", len(starts))
#> Reference counting cannot be switched off: an object without a cycle is
#> still freed the moment its count reaches zero.
lone = Job()
lone.loud = True
#> Its last reference goes: __del__ runs at once, collector or not.
del lone
#> Turn it back on...
gc.enable()
#> ...then clear the 2000 objects that piled up meanwhile.
print("garbage that piled up:", gc.collect())
defaults = gc.get_threshold()
#> set_threshold(0) is another off switch, though isenabled() still says
#> True. The count does pass 0 (a count of 1 already does): CPython checks
#> for a threshold of 0 explicitly and then never starts a collection.
gc.set_threshold(0)
starts.clear()
for i in range(1000):
    a = Job()
    a.loud = False
    a.me = a
del a
#> Generation 0's count is far past 0, yet no collection started.
print("enabled?", gc.isenabled(), "- count past 0?", gc.get_count()[0] > 0,
      "- automatic collections:", len(starts))
gc.set_threshold(*defaults)
print("cleared by hand:", gc.collect())
gc.callbacks.remove(watch)
#> Two Jobs, still named; the next lines make them quiet and then a cycle.
keep_a, keep_b = Job(), Job()
keep_a.loud = keep_b.loud = False
#> Each now refers to the other: a pair in a cycle.
keep_a.other, keep_b.other = keep_b, keep_a
#> gc.freeze() (Python 3.7) moves every tracked object into a permanent
#> generation that collections skip. Servers that fork worker processes call
#> it just before forking, so collections in the workers do not write to the
#> objects they share with the parent (each write makes the OS copy a page).
gc.freeze()
print("something frozen:", gc.get_freeze_count() > 0)
#> The pair loses its names: garbage, but frozen.
del keep_a, keep_b
#? The pair is garbage now, but frozen. What does collect() return? | 0 | Collections skip the permanent generation, so frozen objects are never examined. | hide: collector | hint: Find the pair in the heap: which column is it in? Then think about which generations gc.collect() examines.
print("collect while frozen:", gc.collect())
#> gc.unfreeze() puts the frozen objects back into generation 2...
gc.unfreeze()
#> ...where a full collection finds the dead pair.
print("after unfreeze():", gc.collect(), "- frozen left:", gc.get_freeze_count())
#= disable() and set_threshold(0) stop automatic cycle detection; collect()
#= still works and reference counting never stops. freeze() hides what already
#= exists from the collector. Turn it off only if you collect at safe points.
