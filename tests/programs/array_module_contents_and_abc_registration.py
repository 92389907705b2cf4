# What the array module holds, and its registration as a MutableSequence
# (the import brings collections.abc, as CPython's does); a class derived
# from array.
import sys
import array
import collections.abc

print(sorted(k for k in vars(array) if not k.startswith('_')))
print('collections' in sys.modules, 'collections.abc' in sys.modules)
a = array.array('i', [1])
print(isinstance(a, collections.abc.MutableSequence), isinstance(a, collections.abc.Sequence))
print(issubclass(array.array, collections.abc.Hashable), array.array.__name__, array.array.__module__)
print(type(iter(a)).__name__, type(iter(a)).__module__)


class Scaled(array.array):
    def __init__(self, typecode, init=(), scale=1):
        self.scale = scale


s = Scaled('d', [1, 2], scale=3)
s.append(4)
print(s, s.scale, vars(s), isinstance(s, array.array), type(s + s), s[:1])
print(sys.getsizeof(s), sys.getsizeof(array.array('d', [1, 2, 4])))
