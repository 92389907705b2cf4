# what sys.getrefcount(self) reports while __del__ runs, and objects created in __del__
import sys


class Watcher:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print('in __del__ of', self.name, 'refcount', sys.getrefcount(self))
        tmp = [self.name]
        print('temp list in __del__:', sys.getrefcount(tmp))


w = Watcher('w1')
print('before del:', sys.getrefcount(w))
del w
holder = [Watcher('w2')]
holder.clear()


def scope():
    local = Watcher('w3')
    print('leaving scope')


scope()
print('end')
