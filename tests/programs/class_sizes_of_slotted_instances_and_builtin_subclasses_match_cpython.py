# sys.getsizeof of objects of classes: __slots__ (with and without
# __dict__ and __weakref__, inherited, added to a class that has a
# __dict__) and subclasses of the built-in types, as CPython 3.11 sizes them
import sys
import weakref


class Plain:
    pass


class NoSlots:
    __slots__ = ()


class One:
    __slots__ = ('a',)


class Two:
    __slots__ = ('a', 'b')


class Weak:
    __slots__ = ('a', '__weakref__')


class WithDict:
    __slots__ = ('a', '__dict__')


class Both:
    __slots__ = ('a', '__dict__', '__weakref__')


class TwoChild(Two):
    pass


class TwoMore(Two):
    __slots__ = ('c',)


class PlainSlots(Plain):
    __slots__ = ('x',)


for cls in (Plain, NoSlots, One, Two, Weak, WithDict, Both, TwoChild, TwoMore, PlainSlots):
    o = cls()
    print(cls.__name__, sys.getsizeof(o), o.__sizeof__(), sys.getsizeof(cls))

w = WithDict()
w.a = 1
w.z = 2
print('WithDict with attributes', sys.getsizeof(w))
t = Two()
t.a = [1]
t.b = 'x'
print('Two filled', sys.getsizeof(t), t.a, t.b)


class L(list):
    pass


class LSlot(list):
    __slots__ = ('tag',)


class LEmpty(list):
    __slots__ = ()


class D(dict):
    pass


class DEmpty(dict):
    __slots__ = ()


class S(set):
    pass


class FS(frozenset):
    pass


class T(tuple):
    pass


class TEmpty(tuple):
    __slots__ = ()


class I(int):
    pass


class IEmpty(int):
    __slots__ = ()


class F(float):
    pass


class FEmpty(float):
    __slots__ = ()


class Str(str):
    pass


class StrEmpty(str):
    __slots__ = ()


class E(Exception):
    pass


class ESlot(Exception):
    __slots__ = ('code',)


class VE(ValueError):
    pass


class R(weakref.ref):
    pass


class RSlot(weakref.ref):
    __slots__ = ('note',)


def target():
    pass


objs = [L(), L([1, 2, 3]), LSlot(), LEmpty([4]), D(), D(a=1, b=2), DEmpty(), S(), S({1, 2, 3}), FS([5]),
        T(), T((1, 2, 3)), TEmpty((1, 2)), I(5), I(-7), IEmpty(9), F(1.5), FEmpty(2.5), Str('abc'),
        StrEmpty('abcd'), Str('\xe9t\xe9'), E(), ESlot(), VE('bad'), R(target), RSlot(target)]
for o in objs:
    print(type(o).__name__, repr(o) if not isinstance(o, weakref.ref) else 'ref', sys.getsizeof(o), o.__sizeof__())

for cls in (L, LSlot, D, S, T, I, F, Str, E, R):
    print('class', cls.__name__, sys.getsizeof(cls))

grow = L()
sizes = [sys.getsizeof(grow)]
for i in range(10):
    grow.append(i)
    sizes.append(sys.getsizeof(grow))
print('list subclass growing', sizes)
grow.clear()
print('cleared', sys.getsizeof(grow))

d = D()
dsizes = [sys.getsizeof(d)]
for i in range(8):
    d[i] = i
    dsizes.append(sys.getsizeof(d))
print('dict subclass growing', dsizes)

s = S()
for i in range(10):
    s.add(i)
print('set subclass of 10', sys.getsizeof(s))

l2 = L()
l2.note = 'attribute'
print('list subclass with an attribute', sys.getsizeof(l2), l2.note)
i2 = I(3)
i2.note = 'x'
print('int subclass with an attribute', sys.getsizeof(i2), i2 + 1)

try:
    class Bad(int):
        __slots__ = ('a',)
except TypeError as ex:
    print('TypeError', ex)
try:
    class Bad2(tuple):
        __slots__ = ('a',)
except TypeError as ex:
    print('TypeError', ex)
try:
    class Bad3(One, Two):
        pass
except TypeError as ex:
    print('TypeError', ex)
