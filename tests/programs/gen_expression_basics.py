# generator expressions are lazy generator objects consumed by sum, any, list, tuple
gen = (x * x for x in range(5))
print(type(gen).__name__, gen.__name__)
print(next(gen), next(gen))
print(list(gen))
print(list(gen))
print(sum(x for x in range(10) if x % 2))
print(tuple(c.upper() for c in 'abc'))
print(max(len(w) for w in ['a', 'abcd', 'ab']))
print(any(x > 3 for x in [1, 2, 5]), all(x > 0 for x in [1, 0]))
nested = ((i, j) for i in range(2) for j in range(2))
print(list(nested))
print(dict((k, k * 2) for k in range(3)))
print(', '.join(str(n) for n in [3, 1, 2]))
total = 0
for sq in (n * n for n in [1, 2, 3]):
    total += sq
print(total)
