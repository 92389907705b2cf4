# sys.getsizeof of an OrderedDict: the dict, a fast-lookup pointer per slot
# of its keys' index and a node per entry (CPython's C OrderedDict).
import sys
from collections import OrderedDict
for n in [0, 1, 5, 6, 10, 11, 21, 100]:
    print(n, sys.getsizeof(OrderedDict((i, i) for i in range(n))), sys.getsizeof(OrderedDict((str(i), i) for i in range(n))))
od = OrderedDict()
print(sys.getsizeof(od))
od['a'] = 1
print(sys.getsizeof(od), od.__sizeof__())
