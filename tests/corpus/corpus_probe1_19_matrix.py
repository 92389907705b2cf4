def zeros(r, c):
    return [[0] * c for _ in range(r)]

def identity(n):
    return [[1 if i == j else 0 for j in range(n)] for i in range(n)]

def matmul(a, b):
    if len(a[0]) != len(b):
        raise ValueError(f"shape mismatch: {len(a)}x{len(a[0])} @ {len(b)}x{len(b[0])}")
    return [[sum(x * y for x, y in zip(row, col)) for col in zip(*b)] for row in a]

def transpose(m):
    return [list(r) for r in zip(*m)]

def det(m):
    if len(m) == 1:
        return m[0][0]
    if len(m) == 2:
        return m[0][0] * m[1][1] - m[0][1] * m[1][0]
    return sum((-1) ** c * m[0][c] * det([row[:c] + row[c + 1:] for row in m[1:]]) for c in range(len(m)))

def show(m, w=6, prec=2):
    for row in m:
        print(" ".join(f"{x:{w}.{prec}f}" if isinstance(x, float) else f"{x:{w}}" for x in row))

A = [[1, 2, 3], [4, 5, 6]]
B = [[7, 8], [9, 10], [11, 12]]
show(matmul(A, B))
show(transpose(A))
show(identity(3))
M = [[2, -3, 1], [2, 0, -1], [1, 4, 5]]
print("det:", det(M))

def inverse(m):
    n = len(m)
    aug = [list(map(float, row)) + [float(i == j) for j in range(n)] for i, row in enumerate(m)]
    for col in range(n):
        pivot = max(range(col, n), key=lambda r: abs(aug[r][col]))
        if abs(aug[pivot][col]) < 1e-12:
            raise ZeroDivisionError("matrix is singular")
        aug[col], aug[pivot] = aug[pivot], aug[col]
        pv = aug[col][col]
        aug[col] = [x / pv for x in aug[col]]
        for r in range(n):
            if r != col:
                f = aug[r][col]
                aug[r] = [x - f * y for x, y in zip(aug[r], aug[col])]
    return [row[n:] for row in aug]

inv = inverse(M)
show(inv, 8, 4)
show([[round(x, 10) + 0.0 for x in row] for row in matmul(M, inv)], 5, 1)
print(inv[0])
spiral = zeros(4, 4)
dr, dc = [0, 1, 0, -1], [1, 0, -1, 0]
r = c = d = 0
for k in range(1, 17):
    spiral[r][c] = k
    nr, nc = r + dr[d], c + dc[d]
    if not (0 <= nr < 4 and 0 <= nc < 4 and spiral[nr][nc] == 0):
        d = (d + 1) % 4
        nr, nc = r + dr[d], c + dc[d]
    r, c = nr, nc
show(spiral, 3)
rot = [list(row) for row in zip(*spiral[::-1])]
print(rot)
print([row[i] for i, row in enumerate(spiral)], sum(spiral[i][-i - 1] for i in range(4)))
try:
    matmul(A, A)
except ValueError as e:
    print(e)
try:
    inverse([[1, 2], [2, 4]])
except ZeroDivisionError as e:
    print("singular:", e)
