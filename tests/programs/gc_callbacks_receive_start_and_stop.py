# gc.callbacks are called with ('start', info) and ('stop', info)
import gc

events = []

def cb(phase, info):
    events.append((phase, info['generation'], info['collected'], info['uncollectable'], sorted(info)))

gc.collect()
gc.callbacks.append(cb)
x = []
x.append(x)
del x
gc.collect(1)
gc.collect()
gc.callbacks.remove(cb)
for e in events:
    print(e)
print('callbacks left', len(gc.callbacks))
