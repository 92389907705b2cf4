# a class is a cycle (its MRO holds it): deleting it leaves it for the collector,
# which also finds its MRO and bases tuples, descriptors and dict
import gc
import sys

gc.collect()
class Plain:
    pass
print('refcount of a new class', sys.getrefcount(Plain))
del Plain
print('plain class', gc.collect())

class WithMethods:
    def a(self):
        return 1
    def b(self):
        return 2
del WithMethods
print('class with two methods', gc.collect())

class Base:
    pass
print('base refcount', sys.getrefcount(Base))
class Derived(Base):
    pass
print('base refcount with a subclass', sys.getrefcount(Base))
del Derived
print('derived class', gc.collect())
print('base refcount again', sys.getrefcount(Base))
del Base
print('base class, after surviving one collection', gc.collect())

class Err(Exception):
    pass
print('exception class refcount', sys.getrefcount(Err))
del Err
print('exception class', gc.collect())
