# two lists that point at each other form a cycle of two
import gc

gc.collect()
a = [1]
b = [2]
a.append(b)
b.append(a)
del a
print('one name gone, still reachable:', gc.collect())
del b
print('both gone:', gc.collect())
