import weakref
import gc
class Image:
    def __init__(self, name):
        self.name = name
    def __repr__(self):
        return f"Image({self.name!r})"
img = Image("cat.png")
r = weakref.ref(img)
print(r() is img, r(), weakref.getweakrefcount(img))
del img
print("after del:", r())
def on_finalize(ref):
    print("  callback: object gone, ref dead =", ref() is None)
obj = Image("dog.png")
r2 = weakref.ref(obj, on_finalize)
obj = None
print("r2:", r2())
cache = weakref.WeakValueDictionary()
a = Image("a"); b = Image("b")
cache["a"] = a
cache["b"] = b
print(sorted(cache.keys()), len(cache))
del a
gc.collect()
print(sorted(cache.keys()), "a" in cache, cache.get("a"))
wk = weakref.WeakKeyDictionary()
k1 = Image("k1")
wk[k1] = "metadata"
print(len(wk), wk[k1])
del k1
print(len(wk))
class Node:
    def __init__(self, val, parent=None):
        self.val = val
        self._parent = weakref.ref(parent) if parent else None
        self.children = []
    @property
    def parent(self):
        return self._parent() if self._parent else None
root = Node("root")
child = Node("child", root)
root.children.append(child)
print(child.parent.val)
del root
print(child.parent)
p = Image("proxy")
px = weakref.proxy(p)
print(px.name, repr(px.__class__.__name__))
del p
try:
    px.name
except ReferenceError as e:
    print("ReferenceError:", e)
try:
    weakref.ref([1, 2])
except TypeError as e:
    print("TypeError:", e)
try:
    weakref.ref(5)
except TypeError as e:
    print("TypeError:", e)
class Slotted:
    __slots__ = ("x",)
try:
    weakref.ref(Slotted())
except TypeError as e:
    print("TypeError:", e)
ws = weakref.WeakSet()
items = [Image(str(i)) for i in range(4)]
for it in items:
    ws.add(it)
print(len(ws))
items.pop(); items.pop()
print(len(ws))
class Obj: pass
o = Obj()
f = weakref.finalize(o, print, "finalizer called for Obj")
print(f.alive)
del o
print(f.alive)
m = Image("meth")
wm = weakref.WeakMethod(m.__repr__)
print(wm()())
del m
print(wm())
