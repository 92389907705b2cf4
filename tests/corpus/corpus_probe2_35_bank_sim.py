import random

random.seed(11)

class Customer:
    def __init__(self, cid, arrival, service):
        self.cid = cid
        self.arrival = arrival
        self.service = service

def simulate(minutes, tellers):
    queue = []
    busy_until = [0] * tellers
    waits = []
    cid = 0
    for t in range(minutes):
        if random.random() < 0.6:
            cid += 1
            queue.append(Customer(cid, t, random.randint(1, 5)))
        for i in range(tellers):
            if busy_until[i] <= t and queue:
                c = queue.pop(0)
                waits.append(t - c.arrival)
                busy_until[i] = t + c.service
    return waits, len(queue)

for tellers in (1, 2, 3):
    waits, left = simulate(120, tellers)
    avg = sum(waits) / len(waits) if waits else 0
    print(f"tellers={tellers} served={len(waits):3d} avg_wait={avg:6.2f} max_wait={max(waits):3d} left={left}")

# Game of life
random.seed(5)
W, H = 12, 8
board = [[random.random() < 0.35 for _ in range(W)] for _ in range(H)]

def step(b):
    new = []
    for r in range(H):
        row = []
        for c in range(W):
            n = sum(b[(r + dr) % H][(c + dc) % W] for dr in (-1, 0, 1) for dc in (-1, 0, 1) if (dr, dc) != (0, 0))
            row.append(n == 3 or (b[r][c] and n == 2))
        new.append(row)
    return new

for gen in range(3):
    print(f"gen {gen}:")
    for row in board:
        print("".join("█" if cell else "·" for cell in row))
    board = step(board)
print(sum(map(sum, board)))

# Coin flip streaks
random.seed(123)
flips = "".join(random.choice("HT") for _ in range(200))
longest = max(len(s) for s in flips.replace("HT", "H T").replace("TH", "T H").split())
print(flips[:60], longest)
temps = [round(random.gauss(20, 5), 1) for _ in range(10)]
print(temps, max(temps), min(temps))
lottery = sorted(random.sample(range(1, 60), 6))
print("lottery:", lottery)
