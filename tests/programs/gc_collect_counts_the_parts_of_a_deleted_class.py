# gc.collect() after `del` of a class counts what CPython's class
# statement made: the class, its dict, its MRO and bases tuples, the
# __dict__/__weakref__ descriptors, the __class__ cell and closure of
# methods using super(), staticmethod/classmethod wrappers and their dicts
import gc
gc.disable()
gc.collect()

def report(label):
    print(label, gc.collect())

class Plain:
    pass
del Plain
report("plain class")

class WithMethod:
    def f(self):
        return 1
del WithMethod
report("a method")

class UsesSuper:
    def f(self):
        return super().__repr__()
del UsesSuper
report("a method using super()")

class UsesClassCell:
    def f(self):
        return __class__
del UsesClassCell
report("a method using __class__")

class HasNew:
    def __new__(cls):
        return super().__new__(cls)
del HasNew
report("__new__")

class HasStatic:
    @staticmethod
    def f():
        pass
del HasStatic
report("staticmethod")

class HasClassmethod:
    @classmethod
    def f(cls):
        pass
del HasClassmethod
report("classmethod")

class HasProperty:
    @property
    def p(self):
        return 1
del HasProperty
report("property")

class Meta(type):
    pass
del Meta
report("metaclass")

class Parent:
    pass
class Child(Parent):
    pass
del Parent, Child
report("class and subclass")

class Left:
    pass
class Right:
    pass
class Both(Left, Right):
    pass
del Left, Right, Both
report("multiple inheritance")

class L(list):
    pass
del L
report("list subclass")

class E(Exception):
    pass
del E
report("exception class")

class Slotted:
    __slots__ = ("x", "y")
del Slotted
report("__slots__")

class WithInit:
    def __init_subclass__(cls):
        pass
del WithInit
report("__init_subclass__")

class Cycle:
    def __init__(self):
        self.me = self
c = Cycle()
del c
report("an instance in a cycle")
del Cycle
report("its class")

class Twice:
    def a(self):
        return super().a
    def b(self):
        return super().b
del Twice
report("two methods using super()")
