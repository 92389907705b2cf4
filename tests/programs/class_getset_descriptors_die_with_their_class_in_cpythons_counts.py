# The __dict__ and __weakref__ getset descriptors are GC objects in the
# class's dict that hold the class: they die with it in a collection, and
# gc.collect() counts them as CPython 3.11 does.
import gc
import sys

gc.disable()
gc.collect()


class A:
    pass


print(sys.getrefcount(A))
g = A.__dict__['__dict__']
print(sys.getrefcount(g), gc.is_tracked(g), sys.getsizeof(g))
print([type(r).__name__ for r in gc.get_referents(g)])
print(sorted(type(r).__name__ for r in gc.get_referrers(A) if type(r).__name__ == 'getset_descriptor'))
print(gc.is_tracked(A.__dict__), sys.getsizeof(A.__dict__))
print(type(gc.get_referents(A.__dict__)[0]).__name__)
del g
del A
print('plain', gc.collect())


class A:
    def f(self):
        pass

    @property
    def p(self):
        return 1


del A
print('methods and a property', gc.collect())


class S:
    __slots__ = ('a', 'b')


del S
print('slots', gc.collect())


class S2:
    __slots__ = ('a', '__dict__')


del S2
print('slots and __dict__', gc.collect())


class S3:
    __slots__ = ('__weakref__',)


del S3
print('slots and __weakref__', gc.collect())


class B:
    pass


class C(B):
    pass


del B, C
print('a subclass', gc.collect())


class L(list):
    pass


del L
print('list subclass', gc.collect())


class E(Exception):
    pass


del E
print('exception subclass', gc.collect())


class T(tuple):
    pass


del T
print('tuple subclass', gc.collect())


class M(type):
    pass


class W(metaclass=M):
    pass


del M, W
print('metaclass', gc.collect())


class K:
    x = 1

    def m(self):
        return self


k = K()
print(sys.getrefcount(K))
del K, k
print('class and instance', gc.collect())


class P:
    pass


proxy = P.__dict__
print(sys.getrefcount(P))
del P
print('a proxy keeps the namespace, not the class', gc.collect())
print(list(proxy)[:1], gc.collect())
del proxy
print('then the proxy goes', gc.collect())
