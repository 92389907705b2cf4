import gc
E = ValueError('y')
hit = []
def cb(phase, info):
    if phase == 'start': hit.append((info['generation'], gc.get_count()))
gc.callbacks.append(cb)
gc.collect()
hit.clear()
gc.set_threshold(1)
try:
    raise E
except ValueError:
    pass
x = [1]
y = [1]
gc.set_threshold(700)
print(hit)
