# objects created inside a comprehension die when nothing keeps them; kept ones survive
class Item:
    def __init__(self, n):
        self.n = n

    def __del__(self):
        print('del Item', self.n)


print('names:', [Item(n).n for n in range(3)])
print('-- keeping')
kept = [Item(n) for n in range(3)]
print('built', len(kept))
print('-- filter keeps odd ones')
odd = [it for it in [Item(10), Item(11), Item(13)] if it.n % 2]
print('filtered', [it.n for it in odd])
print('-- dict comp')
by_n = {it.n: it for it in kept}
del kept
print('kept deleted, dict still holds them')
by_n.clear()
print('-- generator expression')
print(sum(Item(n).n for n in [20, 21]))
del odd
print('end')
