# instance attributes hold references: set, overwrite, del, and objects in several attributes
import sys


class Thing:
    pass


t = Thing()
payload = [1, 2, 3]
t.data = payload
print('after t.data = payload:', sys.getrefcount(payload))
t.copy = payload
print('in two attributes:', sys.getrefcount(payload))
t.data = {'new': 1}
print('after overwriting t.data:', sys.getrefcount(payload))
print('new dict held by attribute:', sys.getrefcount(t.data))
del t.copy
print('after del t.copy:', sys.getrefcount(payload))
u = Thing()
u.peer = t
t.peer = u
print('instances referencing each other:', sys.getrefcount(t), sys.getrefcount(u))
del u.peer
del t.peer
print('after breaking the links:', sys.getrefcount(t), sys.getrefcount(u))
t.data = payload
del t
print('after del t (the owner):', sys.getrefcount(payload))
