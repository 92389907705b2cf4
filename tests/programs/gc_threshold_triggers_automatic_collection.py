# an allocation that makes generation 0's count exceed the threshold collects
import gc

log = []

def watch(phase, info):
    if phase == 'start':
        log.append(info['generation'])

default = gc.get_threshold()
gc.collect()
gc.set_threshold(10, 3, 3)
gc.callbacks.append(watch)
keep = []
for i in range(40):
    keep.append([])
gc.callbacks.remove(watch)
count = gc.get_count()
gc.set_threshold(*default)
print('default thresholds', default)
print('collections by generation:', log)
print('count after the loop', count)
print('thresholds restored', gc.get_threshold())
