nums = list(range(1, 21))
evens = [n for n in nums if n % 2 == 0]
squares = {n: n ** 2 for n in nums if n < 6}
odds_set = {n % 7 for n in nums}
matrix = [[r * 3 + c for c in range(3)] for r in range(4)]
flat = [x for row in matrix for x in row]
transposed = [[row[i] for row in matrix] for i in range(3)]
pairs = [(a, b) for a in range(4) for b in range(a) if (a + b) % 2]
print(evens, squares, odds_set, sep="\n")
print(matrix, flat, transposed, pairs, sep="\n")
words = "the quick brown fox jumps over the lazy dog".split()
lengths = {w: len(w) for w in words}
print(lengths)
by_len = {}
for w in words:
    by_len.setdefault(len(w), []).append(w)
print(by_len)
print(sorted(by_len.items(), key=lambda kv: (-len(kv[1]), kv[0])))
fizz = ["FizzBuzz" if i % 15 == 0 else "Fizz" if i % 3 == 0 else "Buzz" if i % 5 == 0 else i for i in range(1, 16)]
print(fizz)
primes = [n for n in range(2, 60) if all(n % d for d in range(2, int(n ** 0.5) + 1))]
print(primes)
pyth = [(a, b, c) for c in range(1, 30) for b in range(1, c) for a in range(1, b) if a * a + b * b == c * c]
print(pyth)
inverted = {v: k for k, v in squares.items()}
print(inverted)
gen = sum(x * x for x in range(100))
print(gen, max(len(w) for w in words), min(words, key=len))
x = 10
res = [x for x in range(3)]
print(x, res)
print([[0] * 3] * 2, [[0] * 3 for _ in range(2)])
grid = [[0] * 3] * 3
grid[0][0] = 1
print(grid)
print({(i, j) for i in range(2) for j in range(2)} == {(0, 0), (0, 1), (1, 0), (1, 1)})
letters = [c.upper() for c in "hello" if c not in "aeiou"]
print(letters, list(map(str.lower, letters)))
nested = {k: {i: i * k for i in range(3)} for k in (1, 2)}
print(nested)
print([y for x in [[1, [2]], [3]] for y in x])
print(sorted({w[0] for w in words}), len({*words}))
