# gc.get_count() counts container allocations since the last collection
import gc

class Point:
    pass

gc.collect()
c0 = gc.get_count()
a = []
c1 = gc.get_count()
b = {}
c2 = gc.get_count()
p = Point()
c3 = gc.get_count()
t = (a, b)
c4 = gc.get_count()
n = 5
s = 'text'
c5 = gc.get_count()
del a
c6 = gc.get_count()
a = []
c7 = gc.get_count()
print(c0, c1, c2, c3, c4, c5, c6, c7)
