# Proxies share the weak-reference list with refs: one plain proxy is
# shared, a proxy with a callback is new; getweakrefcount/getweakrefs see
# them all; a proxy holds its callback strongly
import sys
import weakref

class C:
    def method(self):
        pass

def callback(wr):
    print('callback')

o = C()
p1 = weakref.proxy(o)
p2 = weakref.proxy(o)
p3 = weakref.proxy(o, None)
print(p1 is p2, p1 is p3)
r1 = weakref.ref(o)
pc = weakref.proxy(o, callback)
rc = weakref.ref(o, callback)
print(weakref.getweakrefcount(o))
refs = weakref.getweakrefs(o)
print(refs[0] is r1, refs[1] is p1, refs[2] is rc, refs[3] is pc)
print(sys.getrefcount(callback))
del pc
print(sys.getrefcount(callback), weakref.getweakrefcount(o))
pc2 = weakref.proxy(o, callback)
del r1, p1, p2, p3
print(weakref.getweakrefcount(o))
del o
print('after del')
print(weakref.getweakrefcount(1))

# a proxy to a proxy's referent is not a proxy to the proxy
o = C()
p = weakref.proxy(o)
try:
    weakref.proxy(p)
except TypeError as e:
    print(e)
try:
    weakref.ref(weakref.proxy(len))
except TypeError as e:
    print(e)
