# the module's namespace starts with nine names in a 16-slot table: the program's names fill it up
import sys
g = globals()
sizes = [sys.getsizeof(g)]
a1 = 1
sizes.append(sys.getsizeof(g))
a2 = a3 = a4 = a5 = a6 = a7 = a8 = a9 = a10 = a11 = a12 = a13 = a14 = a15 = a16 = a17 = a18 = 0
sizes.append(sys.getsizeof(g))
a19 = a20 = a21 = a22 = a23 = 0
sizes.append(sys.getsizeof(g))
del a1, a2, a3
sizes.append(sys.getsizeof(g))
print(sizes)
