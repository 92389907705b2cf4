# sets hold references to their members; instances in sets; tuples as members
import sys


class P:
    def __init__(self, n):
        self.n = n

    def __del__(self):
        print('del P', self.n)


p = P(1)
s = {p}
print('instance in a set:', sys.getrefcount(p))
s.add(p)
print('added again (no duplicate):', sys.getrefcount(p), len(s))
s2 = set(s)
print('copied set:', sys.getrefcount(p))
fs = frozenset(s)
print('frozenset too:', sys.getrefcount(p))
s.discard(p)
print('discarded from s:', sys.getrefcount(p))
del s2, fs
print('after del copies:', sys.getrefcount(p))
holder = {P(2)}
print('about to clear')
holder.clear()
print('cleared')
del p
print('end')
