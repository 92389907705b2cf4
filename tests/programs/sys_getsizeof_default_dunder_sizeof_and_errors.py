# sys.getsizeof calls a class's __sizeof__ and adds the GC header (and the managed-dict pointers);
# `default` replaces only a TypeError
import sys


class S:
    def __sizeof__(self):
        return 100


class N:
    def __sizeof__(self):
        return -1


class F:
    def __sizeof__(self):
        return 1.5


class R:
    def __sizeof__(self):
        raise TypeError('no size')


class R2:
    def __sizeof__(self):
        raise ValueError('no size')


class Z:
    def __sizeof__(self):
        return True


class Plain:
    pass


print(sys.getsizeof(S()), sys.getsizeof(Z()), S().__sizeof__())
print([].__sizeof__(), [1, 2].__sizeof__(), (1,).__sizeof__(), 'a'.__sizeof__(), (5).__sizeof__(), {}.__sizeof__(),
      Plain().__sizeof__(), object().__sizeof__())
print(sys.getsizeof(1, 5), sys.getsizeof(Plain(), default=3), sys.getsizeof(object=Plain()))
print(sys.getsizeof(R(), 7), sys.getsizeof(F(), 9), sys.getsizeof(R(), default=None))
for o in (N(), F(), R(), R2()):
    try:
        print(sys.getsizeof(o))
    except Exception as ex:
        print(type(ex).__name__, ex)
try:
    sys.getsizeof(R2(), 0)
except ValueError as ex:
    print("default does not replace a ValueError:", ex)
for args in ((), (1, 2, 3)):
    try:
        sys.getsizeof(*args)
    except TypeError as ex:
        print(ex)
try:
    sys.getsizeof(1, foo=2)
except TypeError as ex:
    print(ex)
try:
    sys.getsizeof(1, object=2)
except TypeError as ex:
    print(ex)
sys.getsizeof(N())
