# gc.disable() and set_threshold(0) stop automatic collection; gc.collect() still works
import gc

class Node:
    def __init__(self):
        self.me = self

gc.collect()
gc.disable()
print('enabled?', gc.isenabled())
for i in range(2000):
    Node()
print('count grew past the threshold:', gc.get_count()[0] > 700)
print('collected by hand:', gc.collect())
gc.enable()
print('enabled?', gc.isenabled())
gc.set_threshold(0)
for i in range(1000):
    Node()
print('threshold 0, count', gc.get_count()[0] > 700)
print('collected by hand:', gc.collect())
gc.set_threshold(700)
