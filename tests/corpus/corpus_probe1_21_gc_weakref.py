import gc
import weakref

class Node:
    instances = 0
    def __init__(self, name):
        self.name = name
        self.partner = None
        Node.instances += 1
    def __del__(self):
        Node.instances -= 1
        print(f"__del__ {self.name}")
    def __repr__(self):
        return f"Node({self.name})"

print("-- simple del")
n = Node("a")
del n
print("instances:", Node.instances)

print("-- rebinding")
n = Node("b")
n = Node("c")
print("instances:", Node.instances)
del n

print("-- cycle")
gc.disable()
x, y = Node("x"), Node("y")
x.partner, y.partner = y, x
del x, y
print("after del, instances:", Node.instances)
found = gc.collect()
print("collected something:", found > 0, "instances:", Node.instances)
gc.enable()

print("-- weakref")
class Thing:
    pass
t = Thing()
r = weakref.ref(t)
print(r() is t, type(r).__name__)
del t
print(r())

def on_dead(ref):
    print("callback: referent gone", ref() is None)
t2 = Thing()
r2 = weakref.ref(t2, on_dead)
del t2
print("after callback")

cache = weakref.WeakValueDictionary()
objs = [Thing() for _ in range(3)]
for i, o in enumerate(objs):
    cache[i] = o
print(sorted(cache.keys()))
del objs[0]
print(sorted(cache.keys()))
objs.clear()
print(len(cache))

s = weakref.WeakSet()
a, b = Thing(), Thing()
s.add(a); s.add(b)
print(len(s))
del a
print(len(s))

class Owner:
    def __init__(self):
        self.children = []
class Child:
    def __init__(self, owner):
        self.owner = weakref.ref(owner)
o = Owner()
ch = Child(o)
o.children.append(ch)
print(ch.owner() is o)
del o
print(ch.owner())
p = weakref.proxy(Thing.__new__(Thing)) if False else None
print(gc.isenabled(), gc.get_threshold()[0] > 0, isinstance(gc.get_count(), tuple))
try:
    weakref.ref(5)
except TypeError as e:
    print("TypeError:", e)
print("end")
