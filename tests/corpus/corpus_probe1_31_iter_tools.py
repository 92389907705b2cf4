import itertools as it

print(list(it.chain([1, 2], "ab", (3,))), list(it.chain.from_iterable([[1], [2, 3]])))
print(list(it.combinations("ABCD", 2)))
print(list(it.permutations([1, 2, 3], 2)))
print(list(it.product("ab", [0, 1])), len(list(it.product(range(3), repeat=3))))
print(list(it.combinations_with_replacement("xy", 2)))
print(list(it.islice(it.cycle("RGB"), 7)), list(it.repeat("z", 3)))
print(list(it.takewhile(lambda x: x < 5, [1, 4, 6, 2])), list(it.dropwhile(lambda x: x < 5, [1, 4, 6, 2])))
print(list(it.accumulate([1, 2, 3, 4], lambda a, b: a * b)), list(it.accumulate([3, 1, 4], max)), list(it.accumulate([1, 2], initial=100)))
print(list(it.compress("ABCDEF", [1, 0, 1, 0, 1, 1])), list(it.filterfalse(str.isdigit, "a1b2")))
print(list(it.starmap(pow, [(2, 3), (3, 2)])), list(it.zip_longest("abc", [1], fillvalue="-")))
print(list(it.pairwise("abcd")))
data = sorted(["apple", "avocado", "banana", "blueberry", "cherry", "apricot"])
for key, group in it.groupby(data, key=lambda w: w[0]):
    print(key, list(group))
print([(k, len(list(g))) for k, g in it.groupby("aaabccdddd")])
a, b = it.tee(iter([1, 2, 3]))
print(list(a), list(b))
counter = it.count(10, 2.5)
print(next(counter), next(counter), next(counter))
print(list(it.islice(range(100), 5, 20, 4)))
def running_avg(xs):
    for i, total in enumerate(it.accumulate(xs), 1):
        yield round(total / i, 2)
print(list(running_avg([10, 20, 30, 45])))
coins = [1, 5, 10, 25]
ways = sum(1 for n in range(0, 5) for combo in it.combinations_with_replacement(coins, n) if sum(combo) == 30)
print("ways to make 30c:", ways)
print(list(zip(*[iter(range(9))] * 3)))
board = ["".join(p) for p in it.product(".#", repeat=2)]
print(board)
names = ["x", "y", "z"]
print(dict(zip(names, it.count())), list(enumerate(names, 100)))
rev = reversed([1, 2, 3])
print(type(rev).__name__, list(rev), list(rev))
ei = enumerate("ab")
print(next(ei), list(ei))
class Countdown:
    def __init__(self, n): self.n = n
    def __iter__(self):
        n = self.n
        while n > 0:
            yield n
            n -= 1
    def __reversed__(self):
        return iter(range(1, self.n + 1))
print(list(Countdown(3)), list(reversed(Countdown(3))), 2 in Countdown(3), sorted(Countdown(4)))
print(list(map(list, it.combinations(range(4), 3))))
print(sum(1 for _ in it.permutations(range(6))))
