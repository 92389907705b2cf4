# Teaching patterns: a tree whose children hold weak references to their
# parent, observers in a WeakSet, a cache in a WeakValueDictionary, proxies
import weakref, gc, sys

class Node:
    def __init__(self, value, parent=None):
        self.value = value
        self.children = []
        self._parent = weakref.ref(parent) if parent else None
        if parent:
            parent.children.append(self)
    @property
    def parent(self):
        return self._parent() if self._parent else None
    def __repr__(self):
        return f"Node({self.value!r})"
    def __del__(self):
        print("deleting", self)

root = Node("root")
child = Node("child", root)
print(child.parent, root.children)
print(sys.getrefcount(root), weakref.getweakrefcount(root))
del root
print(child.parent)

class Subject:
    def __init__(self):
        self.observers = weakref.WeakSet()
    def attach(self, o):
        self.observers.add(o)
    def notify(self, msg):
        for o in sorted(self.observers, key=lambda o: o.name):
            o.update(msg)

class Observer:
    def __init__(self, name):
        self.name = name
    def update(self, msg):
        print(self.name, "got", msg)

s = Subject()
a, b = Observer("a"), Observer("b")
s.attach(a); s.attach(b)
s.notify("hello")
del a
s.notify("again")
print(len(s.observers), repr(s.observers).startswith('<_weakrefset.WeakSet object at 0x'))

class Cache:
    def __init__(self):
        self._cache = weakref.WeakValueDictionary()
    def get(self, key):
        obj = self._cache.get(key)
        if obj is None:
            obj = Observer(key)
            self._cache[key] = obj
            print("created", key)
        return obj

c = Cache()
x = c.get("x")
y = c.get("x")
print(x is y, len(c._cache), list(c._cache.keys()), dict(c._cache.items()).keys())
del x, y
print(len(c._cache), repr(c._cache).startswith('<WeakValueDictionary at 0x'))
p = weakref.proxy(child)
print(p, p.value, type(p), repr(p).startswith('<weakproxy at 0x'))
print(repr(weakref.ref(child)).startswith('<weakref at 0x'), "; to 'Node' at 0x" in str(weakref.ref(child)))
d = weakref.WeakKeyDictionary()
d[child] = 1
print(repr(d).startswith('<WeakKeyDictionary at 0x'), len(d), list(d.items()))
f = weakref.finalize(child, print, "finalized child")
print(f.alive, repr(f).startswith('<finalize object at 0x'))
del child
print(f.alive)
try:
    print(p.value)
except ReferenceError as e:
    print("ReferenceError:", e)
print(gc.collect())
