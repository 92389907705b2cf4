# A teacher's gradebook: per-student and per-class summaries.
import statistics

grades = {
    "ada": [88, 92, 79, 93, 85],
    "bob": [72, 65, 80, 71, 68],
    "cyd": [95, 98, 100, 97, 99],
    "dee": [60, 75, 75, 82, 75],
}

for name, marks in grades.items():
    print(f"{name}: mean={statistics.mean(marks)} median={statistics.median(marks)} "
          f"mode={statistics.mode(marks)} stdev={statistics.stdev(marks):.4f} raw_stdev={statistics.stdev(marks)!r}")

everyone = [m for marks in grades.values() for m in marks]
print("class mean", statistics.mean(everyone))
print("class fmean", statistics.fmean(everyone))
print("class median", statistics.median(everyone), statistics.median_low(everyone), statistics.median_high(everyone))
print("class grouped median", statistics.median_grouped(everyone, interval=5))
print("modes", statistics.multimode(everyone))
print("variance", statistics.variance(everyone), "pvariance", statistics.pvariance(everyone))
print("stdev", statistics.stdev(everyone), "pstdev", statistics.pstdev(everyone))
means = {name: statistics.mean(marks) for name, marks in grades.items()}
best = max(means, key=means.get)
print("best", best, means[best], type(means[best]).__name__)
print("quartiles", statistics.quantiles(everyone))
print("deciles", statistics.quantiles(everyone, n=10, method="inclusive"))
letter = ["A" if m >= 90 else "B" if m >= 80 else "C" if m >= 70 else "D" for m in everyone]
print("most common letter", statistics.mode(letter), statistics.multimode(letter))
print(statistics.mean(grades["ada"] + [0.5]), statistics.mean([True, True, False]))
