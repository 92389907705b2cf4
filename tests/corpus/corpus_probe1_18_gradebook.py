grades = {
    "Alice": [92, 88, 95, 79],
    "Bob": [75, 64, 82, 90],
    "Charlie": [58, 71, 66, 62],
    "Diana": [100, 97, 99, 94],
    "Eli": [],
}

def mean(xs):
    return sum(xs) / len(xs) if xs else 0.0

def median(xs):
    s = sorted(xs)
    n = len(s)
    if n == 0:
        return None
    mid = n // 2
    return s[mid] if n % 2 else (s[mid - 1] + s[mid]) / 2

def stdev(xs):
    m = mean(xs)
    return (sum((x - m) ** 2 for x in xs) / (len(xs) - 1)) ** 0.5

def letter(score):
    for cutoff, l in ((90, "A"), (80, "B"), (70, "C"), (60, "D")):
        if score >= cutoff:
            return l
    return "F"

print(f"{'Name':<10}{'Avg':>8}{'Med':>8}{'Std':>8}  Grade")
for name, scores in sorted(grades.items(), key=lambda kv: mean(kv[1]), reverse=True):
    avg = mean(scores)
    med = median(scores)
    sd = stdev(scores) if len(scores) > 1 else float("nan")
    print(f"{name:<10}{avg:>8.2f}{med if med is not None else '-':>8}{sd:>8.3f}  {letter(avg)}")

all_scores = [s for v in grades.values() for s in v]
print("overall:", round(mean(all_scores), 3), median(all_scores), max(all_scores), min(all_scores))
dist = {}
for s in all_scores:
    dist[letter(s)] = dist.get(letter(s), 0) + 1
print(dict(sorted(dist.items())))
top = max(grades, key=lambda n: mean(grades[n]))
print("top:", top)
curved = {n: [min(100, s + 5) for s in v] for n, v in grades.items()}
print(curved["Charlie"])
passing = [n for n, v in grades.items() if v and all(s >= 60 for s in v)]
print(passing, any(100 in v for v in grades.values()))
print(round(2.675, 2), round(0.5), round(1.5), round(2.5), round(-0.5), round(123.456, -1), round(7, -1))
print(f"{float('nan')}", f"{float('inf'):>6}", float("-inf"), mean([1, 2]))
print(sum([0.1] * 10), sum([0.1] * 10) == 1.0, abs(sum([0.1] * 10) - 1.0) < 1e-9)
import math
print(math.fsum([0.1] * 10), math.isclose(0.1 + 0.2, 0.3), math.isnan(float('nan')))
print(stdev([1, 2]), median([]), mean([]))
print(mean(grades["Eli"]) / len(grades["Eli"]))
