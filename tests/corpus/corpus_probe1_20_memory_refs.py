import sys
import copy

a = [1, 2, 3]
b = a
c = list(a)
print(a is b, a is c, a == c, id(a) == id(b), id(a) == id(c))
b.append(4)
print(a, c)

x = 256
y = 256
print(x is y)
s1 = "hello"
s2 = "hel" + "lo"
print(s1 == s2, s1 is s2)
print(None is None, [] is [], () is ())

nested = [[1, 2], [3, 4]]
shallow = copy.copy(nested)
deep = copy.deepcopy(nested)
shallow[0].append(99)
deep[1].append(100)
print(nested, shallow, deep)
print(shallow[0] is nested[0], deep[0] is nested[0])

class Pt:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __repr__(self):
        return f"Pt({self.x}, {self.y})"
    def __copy__(self):
        print("custom __copy__")
        return Pt(self.x, self.y)
    def __deepcopy__(self, memo):
        print("custom __deepcopy__")
        return Pt(copy.deepcopy(self.x, memo), copy.deepcopy(self.y, memo))

p = Pt([1], 2)
p2 = copy.copy(p)
p3 = copy.deepcopy(p)
print(p2, p3, p2.x is p.x, p3.x is p.x)

cyc = [1, 2]
cyc.append(cyc)
print(cyc)
dc = copy.deepcopy(cyc)
print(dc, dc[2] is dc, dc is cyc)
d = {"k": [1, {"z": (1, [2])}]}
d2 = copy.deepcopy(d)
d2["k"][1]["z"][1].append(3)
print(d, d2)
t = (1, 2, [3])
print(copy.copy(t) is t, copy.deepcopy(t) is t, copy.deepcopy((1, 2)) is (1, 2) or True)

def modify(lst, n):
    lst.append(n)
    n += 1
    lst = [0]
    return lst, n
orig = [5]
num = 10
print(modify(orig, num), orig, num)

def default_trap(item, bucket=[]):
    bucket.append(item)
    return bucket
print(default_trap(1), default_trap(2), default_trap.__defaults__)

print(type(sys.getrefcount(a)).__name__, sys.getrefcount(a) >= 2)
before = sys.getrefcount(a)
holder = [a, a, a]
print(sys.getrefcount(a) - before)
del holder
print(sys.getrefcount(a) - before)
print(sys.getsizeof(0) > 0, isinstance(sys.getsizeof([]), int))
m = [[0]] * 3
m[0][0] = 7
print(m, len({id(r) for r in m}))
a += [5]
print(b, a is b)
tup = (1, 2)
old = id(tup)
tup += (3,)
print(id(tup) == old, tup)
