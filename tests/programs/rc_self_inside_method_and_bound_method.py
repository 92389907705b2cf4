# self inside a method is the caller's object moved into the frame; a bound method adds one more
import sys


class Counter:
    def __init__(self):
        self.n = 0

    def show(self):
        print('self in method:', sys.getrefcount(self))

    def bump(self):
        self.n = self.n + 1
        self.show()
        return self


c = Counter()
print('instance at module level:', sys.getrefcount(c))
c.show()
m = c.show
print('bound method holds the instance:', sys.getrefcount(c))
m()
del m
print('bound method deleted:', sys.getrefcount(c))
r = c.bump()
print('method returned self:', sys.getrefcount(c), r is c, c.n)
del r
Counter().show()
Counter.show(c)
print('end:', sys.getrefcount(c))
