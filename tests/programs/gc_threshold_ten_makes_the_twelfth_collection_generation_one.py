# with threshold (10, 10, 10) an automatic collection starts every 11 new
# tracked objects; generation 1 is collected instead once its count (young
# collections since it was last collected) is past 10, i.e. at the 12th
import gc


class Job:
    pass


runs = []
at = []


def watch(phase, info):
    if phase == "stop":
        runs.append(info["generation"])
        at.append(len(kept))


default = gc.get_threshold()
gc.collect()
gc.set_threshold(10)
gc.callbacks.append(watch)
kept = []
for i in range(250):
    kept.append(Job())
gc.callbacks.remove(watch)
gc.set_threshold(*default)
print("collections:", len(runs), "young:", runs.count(0), "older:", runs.count(1))
print("generation 1 at collection number", runs.index(1) + 1)
print("after how many Jobs:", at)
print("gaps:", sorted(set(b - a for a, b in zip(at, at[1:]))))
