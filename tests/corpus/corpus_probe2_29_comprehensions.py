matrix = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
transpose = [[row[i] for row in matrix] for i in range(3)]
flat = [x for row in matrix for x in row]
diag = [matrix[i][i] for i in range(len(matrix))]
print(transpose, flat, diag)
evens_sq = [x * x for x in range(20) if x % 2 == 0 if x % 3 != 0]
print(evens_sq)
labels = ["even" if x % 2 == 0 else "odd" for x in range(5)]
print(labels)
word = "mississippi"
freq = {ch: word.count(ch) for ch in sorted(set(word))}
print(freq)
inverted = {v: k for k, v in {"a": 1, "b": 2, "c": 1}.items()}
print(inverted)
unique_lengths = {len(w) for w in "the quick brown fox jumped".split()}
print(sorted(unique_lengths), {x % 3 for x in range(10)})
gen = (x ** 2 for x in range(5))
print(gen.__class__.__name__, list(gen), list(gen))
pairs = [(x, y) for x in range(3) for y in range(x, 3)]
print(pairs)
primes = [n for n in range(2, 60) if all(n % d for d in range(2, int(n ** 0.5) + 1))]
print(primes)
nested = {k: [i for i in range(k)] for k in range(4)}
print(nested)
grid = [["." for _ in range(4)] for _ in range(2)]
grid[0][1] = "#"
bad = [["."] * 4] * 2
bad[0][1] = "#"
print(grid, bad)
x = 10
res = [x for x in range(3)]
print(x, res)
print([(i, c) for i, c in enumerate("abc", start=1)])
print({name: score for name, score in zip(["a", "b", "c"], [90, 80, 70]) if score > 75})
print(sum(x for x in range(101)), max((len(w), w) for w in ["aa", "b", "ccc", "dd"]))
print([[j for j in range(i)] for i in range(1, 4)])
print([y for x in [[1, [2]], [3]] for y in x])
data = {"apple": 3, "banana": 0, "cherry": 7}
print(dict(sorted(((k, v) for k, v in data.items() if v), key=lambda kv: -kv[1])))
print([n for n in range(30) if (sq := n * n) % 7 == 1 and sq > 50])
print(list(map(lambda row: sum(row) / len(row), matrix)))
class_var = [[r * c for c in range(1, 4)] for r in range(1, 4)]
for row in class_var:
    print(" ".join(f"{v:3}" for v in row))
print({(a, b): a * b for a in range(2) for b in range(2)})
print([c for c in "Hello World" if c.isupper()], "".join(c for c in "h3ll0" if c.isalpha()))
print([undefined_name for _ in range(1)])
