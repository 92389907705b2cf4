import random
from collections import deque

class Customer:
    _ids = 0
    def __init__(self, arrival):
        Customer._ids += 1
        self.id = Customer._ids
        self.arrival = arrival
        self.service = random.randint(1, 5)

def simulate(minutes, tellers, arrival_prob, seed):
    random.seed(seed)
    Customer._ids = 0
    line = deque()
    busy = [0] * tellers
    waits = []
    max_len = 0
    for t in range(minutes):
        if random.random() < arrival_prob:
            line.append(Customer(t))
        for i in range(tellers):
            if busy[i] > 0:
                busy[i] -= 1
            if busy[i] == 0 and line:
                c = line.popleft()
                waits.append(t - c.arrival)
                busy[i] = c.service
        max_len = max(max_len, len(line))
    avg = sum(waits) / len(waits) if waits else 0
    return {"served": len(waits), "avg_wait": round(avg, 2), "max_line": max_len, "left": len(line)}

for tellers in (1, 2, 3):
    r = simulate(480, tellers, 0.5, seed=2023)
    print(f"tellers={tellers}: " + ", ".join(f"{k}={v}" for k, v in r.items()))

random.seed(10)
inventory = {"apples": 50, "bread": 20, "milk": 30}
log = []
for day in range(1, 8):
    for item in inventory:
        sold = random.randint(0, 12)
        inventory[item] = max(0, inventory[item] - sold)
        if inventory[item] < 10:
            restock = random.choice([20, 25, 30])
            inventory[item] += restock
            log.append((day, item, restock))
    print(f"day {day}: {inventory}")
print(log)
random.seed(99)
population = 100
history = []
for year in range(10):
    births = sum(1 for _ in range(population) if random.random() < 0.12)
    deaths = sum(1 for _ in range(population) if random.random() < 0.08)
    population += births - deaths
    history.append(population)
print(history)
print("peak year:", history.index(max(history)) + 1, "growth: {:.1%}".format(history[-1] / 100 - 1))
