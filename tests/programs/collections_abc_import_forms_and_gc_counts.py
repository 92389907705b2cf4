# The ways a program imports collections.abc, and what the import costs
# the collector's counts (CPython made the classes at start-up).
import gc
gc.disable()
import collections
gc.collect()
before = gc.get_count()
import collections.abc
print(before, gc.get_count())
print(gc.collect())
import collections.abc as cabc
from collections import abc
from collections.abc import Mapping as M
import sys
print(cabc is abc is collections.abc is sys.modules['collections.abc'], M is abc.Mapping)
print(cabc.__name__, type(cabc).__name__)
print(sorted(n for n in dir(cabc) if n in ('Mapping', 'Sequence', 'Iterable', 'Callable', 'Hashable')))


class Pair(cabc.Sequence):
    def __init__(self, a, b):
        self.a, self.b = a, b

    def __getitem__(self, i):
        return (self.a, self.b)[i]

    def __len__(self):
        return 2


p = Pair([], {})
p.self = p
del p
print(gc.collect())
