import sys

a = [1, 2, 3]
print("initial refcount:", sys.getrefcount(a))
b = a
print("after b = a:", sys.getrefcount(a))
c = [a, a]
print("after c = [a, a]:", sys.getrefcount(a))
del c
print("after del c:", sys.getrefcount(a))
b = None
print("after b = None:", sys.getrefcount(a))

def f(x):
    return sys.getrefcount(x)
print("inside function:", f(a))

class Thing:
    pass
t = Thing()
print("Thing:", sys.getrefcount(t))
d = {"k": t}
print("Thing in dict:", sys.getrefcount(t))
lst = [t] * 5
print("Thing in list x5:", sys.getrefcount(t))
lst.clear()
d.clear()
print("after clearing:", sys.getrefcount(t))

x = [10, 20]
y = x
print(x is y, x == y, id(x) == id(y))
z = list(x)
print(x is z, x == z, id(x) == id(z))
y.append(30)
print(x, z)
s1 = "hello"
s2 = "hel" + "lo"
print(s1 == s2)
n1 = 256
n2 = 256
print(n1 is n2)
print(None is None, [] is [], () is ())

def modify(lst):
    lst.append("modified")
def rebind(lst):
    lst = ["new"]
data = ["orig"]
modify(data)
rebind(data)
print(data)
t2 = (1, [2, 3])
t2[1].append(4)
print(t2)
try:
    t2[1] += [5]
except TypeError as e:
    print("TypeError:", e)
print(t2)
obj = object()
refs = [obj for _ in range(10)]
print(sys.getrefcount(obj))
del refs
print(sys.getrefcount(obj))
print(sys.getrefcount(Thing) > 2, type(sys.getrefcount(a)).__name__)
