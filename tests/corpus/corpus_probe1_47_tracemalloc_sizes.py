import sys
import tracemalloc
import gc

print(sys.getsizeof(0) <= sys.getsizeof(10 ** 100))
print(sys.getsizeof([]) < sys.getsizeof([1, 2, 3]))
print(sys.getsizeof("") < sys.getsizeof("hello"))
sizes = []
lst = []
prev = sys.getsizeof(lst)
changes = 0
for i in range(64):
    lst.append(i)
    s = sys.getsizeof(lst)
    if s != prev:
        changes += 1
        prev = s
print("list grew in chunks:", 0 < changes < 64)
tracemalloc.start()
snap_before = tracemalloc.get_traced_memory()
big = [str(i) * 10 for i in range(10000)]
cur, peak = tracemalloc.get_traced_memory()
print("allocated something:", cur > snap_before[0], "peak >= current:", peak >= cur)
del big
gc.collect()
cur2, peak2 = tracemalloc.get_traced_memory()
print("freed:", cur2 < cur, "peak kept:", peak2 >= peak)
tracemalloc.stop()
print(tracemalloc.is_tracing())

def gen_squares(n):
    for i in range(n):
        yield i * i
lst_sq = [i * i for i in range(10000)]
gen_sq = gen_squares(10000)
print("generator smaller than list:", sys.getsizeof(gen_sq) < sys.getsizeof(lst_sq))
print(sum(gen_sq) == sum(lst_sq))

class WithSlots:
    __slots__ = ("a", "b")
    def __init__(self):
        self.a = 1
        self.b = 2
class WithoutSlots:
    def __init__(self):
        self.a = 1
        self.b = 2
ws, wos = WithSlots(), WithoutSlots()
print("slots object has no __dict__:", not hasattr(ws, "__dict__"))
print(gc.isenabled(), type(gc.collect()).__name__, len(gc.get_threshold()))
gc.collect()
objs_before = len(gc.get_objects())
junk = [[i] for i in range(1000)]
print("more tracked objects:", len(gc.get_objects()) > objs_before)
a = []
b = [a]
print(a in gc.get_referents(b), gc.is_tracked(a), gc.is_tracked(1), gc.is_tracked("s"))
print(sys.getrefcount(None) > 10, sys.getrefcount(object()))
x = object()
print(sys.getrefcount(x))
y = x
print(sys.getrefcount(x))
del y
print(sys.getrefcount(x))
print(sys.intern("hello") is sys.intern("hel" + "lo"))
print(sys.maxsize == 2 ** 63 - 1, sys.version_info[:2], sys.version_info.major, sys.byteorder if hasattr(sys, "byteorder") else "little")
print(sys.platform == "linux", isinstance(sys.argv, list), sys.float_info.max)
