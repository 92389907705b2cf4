# collections.abc: the ABCs answer isinstance/issubclass for the built-in
# types as CPython does (one-method ABCs by looking for the method, the
# others by registration).
import collections.abc
from collections.abc import (Callable, Collection, Container, Generator, Hashable, ItemsView, Iterable,
                             Iterator, KeysView, Mapping, MutableMapping, MutableSequence, MutableSet,
                             Reversible, Sequence, Set, Sized, ValuesView)
import collections
from collections import abc

print(abc is collections.abc, collections.abc.Mapping is Mapping)
print(Mapping, MutableSequence, type(Mapping).__name__, Mapping.__module__, Mapping.__name__)


def gen():
    yield 1


samples = [[], (), '', b'', bytearray(), {}, set(), frozenset(), range(3), 1, 2.5, None, True,
           iter([]), gen(), len, gen, {}.keys(), {}.values(), {}.items(), object(), type,
           collections.deque(), collections.OrderedDict(), collections.Counter()]
abcs = [Hashable, Iterable, Iterator, Reversible, Generator, Sized, Container, Collection, Callable,
        Set, MutableSet, Mapping, MutableMapping, Sequence, MutableSequence, KeysView, ItemsView, ValuesView]
for s in samples:
    print(type(s).__name__.ljust(12), ''.join('X' if isinstance(s, a) else '.' for a in abcs))

print(issubclass(list, Sequence), issubclass(dict, Mapping), issubclass(str, MutableSequence))
print(issubclass(bool, Hashable), issubclass(list, Hashable), issubclass(tuple, Reversible))


class WithLen:
    def __len__(self):
        return 3


class NoHash:
    __hash__ = None


class Iter:
    def __iter__(self):
        return self

    def __next__(self):
        raise StopIteration


print(isinstance(WithLen(), Sized), isinstance(WithLen(), Collection), isinstance(NoHash(), Hashable))
print(isinstance(Iter(), Iterator), isinstance(Iter(), Iterable), isinstance(Iter(), Generator))
print(issubclass(WithLen, Sized), issubclass(int, Sized), isinstance(WithLen, Callable))
print(sorted(Sequence.__abstractmethods__), sorted(MutableMapping.__abstractmethods__))
print(sorted(Iterator.__abstractmethods__), sorted(Collection.__abstractmethods__))
for a in (Mapping, Sequence, Iterable, Sized):
    try:
        a()
    except TypeError as e:
        print(e)
