import sys, gc
class T:
    def __init__(self, n): self.n = n
    def __del__(self): print("del", self.n, sys.getrefcount(self))
a = T("a")
del a
b = T("b"); b.me = b
del b
gc.collect()
c = T("c")
print("end")
