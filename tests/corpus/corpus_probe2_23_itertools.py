from itertools import (accumulate, chain, combinations, combinations_with_replacement, count,
                       cycle, groupby, islice, permutations, product, repeat, starmap,
                       takewhile, dropwhile, zip_longest, tee, filterfalse, compress, pairwise)
import operator

def take(n, iterable):
    return list(islice(iterable, n))

def grouper(iterable, n, fillvalue=None):
    args = [iter(iterable)] * n
    return zip_longest(*args, fillvalue=fillvalue)

def roundrobin(*iterables):
    nexts = cycle(iter(it).__next__ for it in iterables)
    num_active = len(iterables)
    while num_active:
        try:
            for nxt in nexts:
                yield nxt()
        except StopIteration:
            num_active -= 1
            nexts = cycle(islice(nexts, num_active))

def unique_everseen(iterable):
    seen = []
    for el in iterable:
        if el not in seen:
            seen.append(el)
            yield el

def powerset(s):
    s = list(s)
    return chain.from_iterable(combinations(s, r) for r in range(len(s) + 1))

print(take(5, count(10, 3)), take(7, cycle("AB")), list(repeat("x", 3)))
print(list(accumulate([1, 2, 3, 4, 5])), list(accumulate([3, 1, 4, 1, 5], max)))
print(list(accumulate([1, 2, 3, 4], operator.mul, initial=10)))
print(list(grouper("ABCDEFG", 3, "x")))
print(list(roundrobin("ABC", "D", "EF")))
print(list(unique_everseen("AAAABBBCCDAABBB")))
print(list(powerset([1, 2, 3])))
print(list(combinations("ABCD", 2)))
print(len(list(permutations(range(5), 3))), list(permutations("abc"))[:3])
print(list(product("ab", repeat=2)), list(product([1, 2], [3], [4, 5])))
print(list(combinations_with_replacement("AB", 3)))
for key, grp in groupby(sorted("mississippi")):
    print(key, len(list(grp)), end="; ")
print()
data = [("a", 1), ("a", 2), ("b", 3), ("a", 4)]
print([(k, [v for _, v in g]) for k, g in groupby(data, key=lambda t: t[0])])
print(list(starmap(pow, [(2, 5), (3, 2), (10, 3)])))
print(list(takewhile(lambda x: x < 5, [1, 4, 6, 4, 1])), list(dropwhile(lambda x: x < 5, [1, 4, 6, 4, 1])))
a, b = tee(range(4))
print(list(a), list(zip(b, b)))
print(list(filterfalse(lambda x: x % 2, range(10))), list(compress("ABCDEF", [1, 0, 1, 0, 1, 1])))
print(list(pairwise("ABCDE")))
print(list(zip_longest([1, 2, 3], "ab")))
print(next(islice(count(), 5, None)))
