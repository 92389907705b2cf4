import copy, sys, gc

class Point:
    def __init__(self, x, y):
        print("init", x, y)
        self.x = x
        self.y = y
    def __repr__(self):
        return "Point(%r, %r)" % (self.x, self.y) if False else "Point(" + repr(self.x) + ", " + repr(self.y) + ")"

p = Point([1], {"a": [2]})
q = copy.copy(p)
print(q, q is p, q.x is p.x, q.y is p.y)
print(sys.getrefcount(p.x), sys.getrefcount(p.y))
r = copy.deepcopy(p)
print(r, r.x is p.x, r.y is p.y, r.y["a"] is p.y["a"])
print(sys.getrefcount(p.x))
print(type(q).__name__, vars(q))

a = [1, 2]
a.append(a)
b = copy.deepcopy(a)
print(b[2] is b, b is a, len(b))
d = {"self": None}
d["self"] = d
e = copy.deepcopy(d)
print(e["self"] is e, e is d)

t = ([1], 2)
t2 = copy.deepcopy(t)
print(t2, t2 is t, t2[0] is t[0])
t3 = (1, "a", None, (2, 3))
print(copy.deepcopy(t3) is t3)

s = {1, 2, 3}
s2 = copy.copy(s)
print(s2, s2 is s)
s3 = copy.deepcopy(s)
print(s3, s3 is s)
fs = frozenset([1, 2])
print(copy.copy(fs) is fs, copy.deepcopy(fs) == fs)

memo = {}
x = [1, [2]]
y = copy.deepcopy(x, memo)
print(len(memo), memo[id(x)] is y, memo[id(memo)][0] is x)

class C:
    def __copy__(self):
        print("copy called")
        return "copied"
    def __deepcopy__(self, memo):
        print("deepcopy called", type(memo).__name__)
        return "deep"
print(copy.copy(C()), copy.deepcopy([C()]))

class R:
    def __init__(self, v):
        self.v = v
    def __reduce__(self):
        print("reduce")
        return (R, (self.v + 1,))
print(copy.copy(R(1)).v, copy.deepcopy(R(5)).v)

class S:
    def __init__(self):
        self.a = 1
        self.b = [2]
    def __getstate__(self):
        print("getstate")
        return {"a": self.a * 10}
    def __setstate__(self, st):
        print("setstate", st)
        self.__dict__.update(st)
z = copy.deepcopy(S())
print(z.a, hasattr(z, "b"))

def f(): pass
print(copy.copy(f) is f, copy.deepcopy(f) is f, copy.deepcopy(int) is int, copy.copy(range(3)))
print(copy.copy(None), copy.deepcopy(3.5), copy.deepcopy("s"))

class Empty: pass
e1 = Empty()
e2 = copy.copy(e1)
print(type(e2) is Empty, e2 is e1, vars(e2))

class Node:
    def __init__(self, v):
        self.v = v
        self.next = None
n1 = Node(1); n2 = Node(2); n1.next = n2; n2.next = n1
m1 = copy.deepcopy(n1)
print(m1.v, m1.next.v, m1.next.next is m1, m1 is n1)
del n1, n2, m1
print(gc.collect())

try:
    copy.copy(x for x in [])
except TypeError as e:
    print(e)
try:
    copy.deepcopy(sys)
except TypeError as e:
    print(e)
try:
    copy.copy()
except TypeError as e:
    print(e)
try:
    copy.deepcopy(1, {}, 2, 3)
except TypeError as e:
    print(e)
print(copy.Error.__name__, issubclass(copy.Error, Exception), copy.error is copy.Error)
class M:
    def m(self): return 1
mm = M().m
print(copy.deepcopy(mm)() , copy.copy(mm) is mm)
ex = ValueError("bad", 2)
ex2 = copy.deepcopy(ex)
print(repr(ex2), ex2 is ex)
