import gc
gc.disable()
while True:
    a = []
    a.append(a)
