# full collections wait until 25 % of the long-lived objects are new
import gc

log = []

def watch(phase, info):
    if phase == 'stop':
        log.append(info['generation'])

gc.collect()
gc.set_threshold(100, 2, 2)
gc.callbacks.append(watch)
keep = []
for i in range(3000):
    keep.append([i])
gc.callbacks.remove(watch)
print('collections:', len(log))
print('full collections:', log.count(2))
print('generation 1 collections:', log.count(1))
gc.set_threshold(700, 10, 10)
