# gc.get_count() around class statements that make more than a plain
# class: several bases, a metaclass, super() cells, wrapped methods
import gc

def delta(label, before):
    after = gc.get_count()
    print(label, after[0] - before[0] - 1)

gc.collect()
c0 = gc.get_count()
class A:
    def f(self):
        return super().f()
delta("super cell", c0)
class B:
    pass
gc.collect()
c0 = gc.get_count()
class C(A, B):
    pass
delta("two bases", c0)
gc.collect()
c0 = gc.get_count()
class D(C, B):
    pass
delta("two bases again", c0)
gc.collect()
c0 = gc.get_count()
class M(type):
    pass
delta("metaclass", c0)
gc.collect()
c0 = gc.get_count()
class WithMeta(metaclass=M):
    pass
delta("class with a metaclass", c0)
gc.collect()
c0 = gc.get_count()
class LL(list):
    pass
delta("list subclass", c0)
gc.collect()
c0 = gc.get_count()
x = LL([1, 2])
delta("list subclass instance", c0)
gc.collect()
c0 = gc.get_count()
class P:
    @property
    def v(self):
        return 1
    @v.setter
    def v(self, value):
        pass
delta("property with setter", c0)
gc.collect()
c0 = gc.get_count()
class S:
    __slots__ = ("a", "b")
delta("slots", c0)
