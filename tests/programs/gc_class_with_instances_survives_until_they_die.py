# instances hold their class: deleting the class name frees nothing while they live
import gc

class Point:
    def __init__(self, x):
        self.x = x

gc.collect()
p = Point(1)
q = Point(2)
del Point
print('class still used by instances:', gc.collect())
cls = type(p)
print('class reachable from an instance:', cls.__name__)
del cls, p, q
print('last instance gone:', gc.collect())
