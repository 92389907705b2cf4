import gc
L = [3, 1, 2]
R = []
def gen():
    yield 1
    yield 2
for k in range(3):
    gc.collect()
    a = gc.get_count()[0]
    x = any(v > 2 for v in L)
    b = gc.get_count()[0]
    g = gen(); next(g); del g
    c = gc.get_count()[0]
    g = gen(); next(g); g.close(); del g
    d = gc.get_count()[0]
    R.append((b - a, c - b, d - c))
print(R)
