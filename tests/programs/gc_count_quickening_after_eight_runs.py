import gc
log = []
def cb(phase, info):
    if phase == 'start': log.append(1)
T = (1, 2)
L2 = [1, 2]
def f(t):
    p, q = t
def g(x):
    return str(x)
def h(x):
    return tuple(x)
def k(x):
    for i in x:
        pass
res = []
gc.callbacks.append(cb)
gc.disable()
for fn, arg in ((f, T), (f, L2), (g, 5), (h, L2), (k, L2), (k, T)):
    counts = []
    for i in range(20):
        gc.collect()
        n = len(log)
        gc.enable()
        c = gc.get_count()[0]
        gc.set_threshold(c + 1, 10)
        fn(arg)
        gc.set_threshold(700, 10)
        gc.disable()
        counts.append(len(log) - n)
    res.append("".join(map(str, counts)))
print(res)
