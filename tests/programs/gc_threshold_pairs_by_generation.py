import gc

gc.collect()
defaults = gc.get_threshold()
print("default thresholds:", defaults)
gc.set_threshold(1000, 15, 15)
print("changed:", gc.get_threshold())
gc.set_threshold(*defaults)


class Job:
    pass


runs = []


def watch(phase, info):
    if phase == "stop":
        runs.append(info["generation"])


gc.collect()
gc.set_threshold(10)
gc.callbacks.append(watch)
kept = []
for i in range(250):
    kept.append(Job())
gc.callbacks.remove(watch)
print("young collections:", runs.count(0), "- older:", runs.count(1))
gc.collect()
for i in range(200):
    a = Job()
    b = Job()
    a.other = b
    b.other = a
del a, b
gc.callbacks.clear()
for g in range(3):
    print(g, sum(1 for o in gc.get_objects(g) if type(o) is Job))
print(gc.get_count())
print("waiting", gc.collect())
