def step(live):
    counts = {}
    for (r, c) in live:
        for dr in (-1, 0, 1):
            for dc in (-1, 0, 1):
                if dr or dc:
                    k = (r + dr, c + dc)
                    counts[k] = counts.get(k, 0) + 1
    return {cell for cell, n in counts.items() if n == 3 or (n == 2 and cell in live)}

def show(live, h=8, w=10):
    print("\n".join("".join("#" if (r, c) in live else "." for c in range(w)) for r in range(h)))
    print()

glider = {(0, 1), (1, 2), (2, 0), (2, 1), (2, 2)}
state = glider
for gen in range(4):
    print(f"Generation {gen}: {len(state)} cells")
    show(state)
    state = step(state)
blinker = {(1, 0), (1, 1), (1, 2)}
print(step(step(blinker)) == blinker, sorted(step(blinker)))

grid = [[0] * 6 for _ in range(6)]
for r, c in [(1, 2), (2, 3), (3, 1), (3, 2), (3, 3)]:
    grid[r][c] = 1
def step_grid(g):
    n = len(g)
    new = [[0] * n for _ in range(n)]
    for r in range(n):
        for c in range(n):
            s = sum(g[(r + dr) % n][(c + dc) % n] for dr in (-1, 0, 1) for dc in (-1, 0, 1)) - g[r][c]
            new[r][c] = 1 if s == 3 or (s == 2 and g[r][c]) else 0
    return new
for _ in range(24):
    grid = step_grid(grid)
for row in grid:
    print("".join("█" if v else "·" for v in row))
