import sys
class S:
    def __init__(self, n): self.n = n
    def __getitem__(self, k):
        if k >= self.n: raise IndexError(k)
        return k * 10
    def __len__(self): return self.n
s = S(4)
print(list(s), 20 in s, 25 in s, list(reversed(s)), sorted(s, reverse=True), max(s), sum(s))
it = iter(s); print(type(it).__name__, next(it), next(it), sys.getrefcount(s))
for x in S(2): print(x)
a, b, c = S(3); print(a, b, c)
class Deck:
    ranks = [str(n) for n in range(2, 11)] + list('JQKA')
    def __init__(self): self._cards = [(r, s) for s in 'SH' for r in self.ranks]
    def __len__(self): return len(self._cards)
    def __getitem__(self, p): return self._cards[p]
d = Deck()
print(len(d), d[0], d[-1], d[:3], ('Q', 'H') in d, ('Q', 'X') in d, list(reversed(d))[:2])
class Stop:
    def __getitem__(self, k):
        if k > 2: raise StopIteration
        return k
print(list(Stop()))
print(list(reversed({"x": 1, "y": 2})), list(reversed({"x": 1}.items())))
try:
    reversed(Stop())
except TypeError as e:
    print(e)
it = iter(S(1)); print(next(it)); print(next(it, 'done'), next(it, 'done'))
