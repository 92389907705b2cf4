# a.m == a.m: bound methods are equal when they bind the same object to
# the same function (and hash alike), so list.remove and sets find them
import gc

class Watcher:
    def __init__(self):
        self.calls = 0
    def cb(self, phase, info):
        self.calls += 1
    def other(self):
        pass

w = Watcher()
v = Watcher()
print(w.cb == w.cb, w.cb is w.cb, w.cb != w.cb, w.cb == v.cb, w.cb == w.other)
print(hash(w.cb) == hash(w.cb), len({w.cb, w.cb, v.cb}))
gc.callbacks.append(w.cb)
gc.collect()
gc.callbacks.remove(w.cb)
gc.collect()
print(w.calls, w.cb in gc.callbacks)
handlers = [w.other, v.other]
handlers.remove(v.other)
print(len(handlers), handlers[0] == w.other)
lst = [1, 2]
print(lst.append == lst.append, lst.append == [].append, lst.append != lst.pop)
print(Watcher.cb == Watcher.cb, w.cb.__func__ is Watcher.cb, w.cb.__self__ is w)
