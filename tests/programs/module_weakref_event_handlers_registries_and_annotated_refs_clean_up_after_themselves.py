# Teaching patterns: an event source holding WeakMethods and refs whose
# callbacks unregister them, a registry of refs with per-key callbacks, a
# ref subclass carrying annotations, a proxy to a built-in
import weakref, gc, sys

class Button:
    def __init__(self):
        self.handlers = []
    def on_click(self, handler):
        if hasattr(handler, '__self__'):
            self.handlers.append(weakref.WeakMethod(handler, self._gone))
        else:
            self.handlers.append(weakref.ref(handler, self._gone))
    def _gone(self, r):
        print('handler gone', type(r).__name__)
        self.handlers.remove(r)
    def click(self):
        for h in self.handlers:
            f = h()
            if f is not None:
                f('clicked')

class View:
    def handle(self, ev):
        print('view handles', ev)

def plain(ev):
    print('plain handles', ev)

b = Button()
v = View()
b.on_click(v.handle)
b.on_click(plain)
b.click()
del v
b.click()
del plain
print(len(b.handlers))

class Expensive:
    count = 0
    def __init__(self, n):
        Expensive.count += 1
        self.n = n
    def __repr__(self):
        return f'Expensive({self.n})'

registry = {}
def remember(obj):
    def gone(r, key=obj.n):
        print('removing', key)
        del registry[key]
    registry[obj.n] = weakref.ref(obj, gone)

objs = [Expensive(i) for i in range(3)]
for o in objs:
    remember(o)
print(sorted(registry), [r() for r in registry.values()])
del o
objs.pop()
print(sorted(registry))
objs.clear()
print(registry, Expensive.count)

class Ref(weakref.ref):
    def __init__(self, ob, callback=None, **annotations):
        super().__init__(ob, callback)
        self.__dict__.update(annotations)

e = Expensive(9)
r = Ref(e, None, tag='t', n=2)
print(r.tag, r.n, r() is e, isinstance(r, weakref.ref), weakref.getweakrefs(e) == [r], weakref.getweakrefcount(e))
r2 = weakref.ref(e)
print(r2 is r, r2 == r, len(weakref.getweakrefs(e)))
pr = weakref.proxy(print)
pr('proxy to builtin print', end='!\n')
lst = [1, 2, 3]
try:
    weakref.ref(lst)
except TypeError as ex:
    print(ex)
d = weakref.WeakValueDictionary()
d['a'] = Expensive(5)
print(list(d.items()), len(d))
gc.collect()
