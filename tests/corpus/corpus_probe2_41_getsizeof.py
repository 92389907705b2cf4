import sys

print("empty list:", sys.getsizeof([]))
print("empty tuple:", sys.getsizeof(()))
print("empty dict:", sys.getsizeof({}))
print("empty set:", sys.getsizeof(set()))
print("empty str:", sys.getsizeof(""))
print("int 0/1/2**30/2**100:", sys.getsizeof(0), sys.getsizeof(1), sys.getsizeof(2**30), sys.getsizeof(2**100))
print("float:", sys.getsizeof(1.5), "bool:", sys.getsizeof(True), "None:", sys.getsizeof(None))
print("complex:", sys.getsizeof(1j), "bytes:", sys.getsizeof(b""), sys.getsizeof(b"abc"))

lst = []
prev = sys.getsizeof(lst)
print(f"len 0: {prev}")
for i in range(20):
    lst.append(i)
    size = sys.getsizeof(lst)
    if size != prev:
        print(f"len {len(lst):2d}: {size} bytes (grew by {size - prev})")
        prev = size

for s in ["a", "hello", "hello world" * 3, "é", "€uro", "😀"]:
    print(repr(s)[:20], len(s), sys.getsizeof(s))

for n in range(0, 12, 2):
    print("tuple", n, sys.getsizeof(tuple(range(n))), "list", sys.getsizeof(list(range(n))), "comp", sys.getsizeof([i for i in range(n)]))

d = {}
last = sys.getsizeof(d)
for i in range(30):
    d[i] = i
    s = sys.getsizeof(d)
    if s != last:
        print(f"dict len {len(d)}: {s}")
        last = s
st = set()
last = sys.getsizeof(st)
for i in range(40):
    st.add(i)
    s = sys.getsizeof(st)
    if s != last:
        print(f"set len {len(st)}: {s}")
        last = s
print("range:", sys.getsizeof(range(10**6)), "list(range(1000)):", sys.getsizeof(list(range(1000))))
print("[0]*1000:", sys.getsizeof([0] * 1000), "[None]*5:", sys.getsizeof([None] * 5))
print("gen:", sys.getsizeof(x for x in range(10)) > 0)

class P:
    pass
class S:
    __slots__ = ("a", "b")
print("instance:", sys.getsizeof(P()), "slotted:", sys.getsizeof(S()), "__dict__:", sys.getsizeof(P().__dict__))

def deep_size(o, seen=None):
    seen = seen or set()
    if id(o) in seen:
        return 0
    seen.add(id(o))
    size = sys.getsizeof(o)
    if isinstance(o, dict):
        size += sum(deep_size(k, seen) + deep_size(v, seen) for k, v in o.items())
    elif isinstance(o, (list, tuple, set)):
        size += sum(deep_size(i, seen) for i in o)
    return size
print("deep:", deep_size({"a": [1, 2, 3], "b": ("x", "y")}), deep_size([[1000, 2000], [3000]]))
lst2 = list(range(10)); lst2.clear(); print("cleared list:", sys.getsizeof(lst2))
big = [1] * 100; del big[50:]; print("shrunk:", sys.getsizeof(big))
print(sys.getsizeof("abc".encode()), sys.getsizeof(bytearray(10)), sys.getsizeof(frozenset([1, 2])))
