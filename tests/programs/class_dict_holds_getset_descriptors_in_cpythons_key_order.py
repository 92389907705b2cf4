# A class whose bases give its objects no __dict__ (or no weak references)
# gets getset descriptors for __dict__ and __weakref__ in its own __dict__,
# after the namespace and the slots' member descriptors, before __doc__.
from dataclasses import dataclass


class Plain:
    pass


class WithDoc:
    """doc"""
    x = 1

    def f(self):
        pass

    def __eq__(self, other):
        return True


class Slots:
    __slots__ = ('b', 'a')


class SlotsAndDict:
    __slots__ = ('a', '__dict__')


class SlotsAndWeak:
    __slots__ = ('__weakref__',)


class Child(WithDoc):
    y = 2


class L(list):
    pass


class E(Exception):
    pass


class D(dict):
    pass


class T(tuple):
    pass


class I(int):
    pass


@dataclass
class DC:
    a: int
    b: int = 2


class Hooked:
    def __init_subclass__(cls, **kw):
        cls.tag = kw.get('tag')


class HookedChild(Hooked, tag='t'):
    pass


class Meta(type):
    pass


class WithMeta(metaclass=Meta):
    pass


class Mixin:
    pass


class Multi(Mixin, dict):
    pass


for c in (Plain, WithDoc, Slots, SlotsAndDict, SlotsAndWeak, Child, L, E, D, T, I, DC, Hooked, HookedChild,
          Meta, WithMeta, Multi):
    print(c.__name__, list(c.__dict__))

g = Plain.__dict__['__dict__']
w = Plain.__dict__['__weakref__']
print(g, w, type(g), type(g).__name__)
print(g.__name__, g.__qualname__, g.__objclass__ is Plain, g.__doc__)
print(w.__name__, w.__qualname__, w.__doc__)
print(Plain.__weakref__ is w, Plain.__dict__['__dict__'] is g)
a = Plain()
a.v = 1
print(a.__weakref__, g.__get__(a), g.__get__(None, Plain) is g)
import weakref
r = weakref.ref(a)
print(a.__weakref__ is r, w.__get__(a) is r)


def attempt(label, fn):
    try:
        fn()
        print(label, 'ok')
    except Exception as e:
        print(label, type(e).__name__, e)


attempt('set __weakref__', lambda: setattr(a, '__weakref__', 1))
attempt('del __weakref__', lambda: delattr(a, '__weakref__'))
attempt('foreign object', lambda: g.__get__(WithMeta()))
attempt('foreign weakref', lambda: w.__get__(Slots()))
print(sorted(n for n in dir(a) if n in ('__dict__', '__weakref__')))
print(sorted(n for n in dir(Slots()) if n in ('__dict__', '__weakref__')))
print(hasattr(Slots(), '__dict__'), hasattr(Slots(), '__weakref__'), hasattr(SlotsAndWeak(), '__weakref__'))
