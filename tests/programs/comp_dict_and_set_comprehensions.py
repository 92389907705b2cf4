# dict and set comprehensions (sets of ints only, printed sorted)
squares = {n: n * n for n in range(5)}
print(squares)
inverted = {v: k for k, v in squares.items()}
print(inverted)
print({k: v for k, v in zip('abc', [1, 2, 3]) if v != 2})
print({w[0]: w for w in ['apple', 'avocado', 'banana']})
s = {x % 4 for x in range(10)}
print(sorted(s), len(s), type(s).__name__)
print({x * x for x in [-2, -1, 0, 1, 2]} == {0, 1, 4})
grid = {(r, c): r * 3 + c for r in range(2) for c in range(3)}
print(grid)
print({k: [i for i in range(k)] for k in range(4)})
counts = {}
for ch in 'mississippi':
    counts[ch] = counts.get(ch, 0) + 1
print({k: v for k, v in counts.items() if v > 1})
print(sorted({len(w) for w in ['a', 'bb', 'cc', 'ddd']}))
