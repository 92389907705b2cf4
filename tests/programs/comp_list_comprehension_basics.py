# list comprehensions: filters, nested loops, nested comprehensions, conditional expressions
print([x * 2 for x in range(5)])
print([x for x in range(10) if x % 3 == 0])
print([x if x % 2 else -x for x in range(6)])
print([(i, j) for i in range(3) for j in range(i)])
print([[r * c for c in range(3)] for r in range(3)])
print([c for c in 'hello' if c != 'l'])
words = ['apple', 'bob', 'kayak', 'tree']
print([w for w in words if w == w[::-1]])
print([len(w) for w in words if len(w) > 3 if w[0] != 't'])
pairs = [(1, 'a'), (2, 'b')]
print([n for n, _ in pairs], [s * n for n, s in pairs])
matrix = [[1, 2, 3], [4, 5, 6]]
print([row[i] for i in range(3) for row in matrix])
print([[row[i] for row in matrix] for i in range(3)])
print([])
print([x for x in []])
