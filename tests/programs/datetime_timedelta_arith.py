# timedelta arithmetic: normalisation, reprs, str, operators.
from datetime import timedelta

deltas = [timedelta(), timedelta(days=1, seconds=3600), timedelta(hours=-1), timedelta(microseconds=-1),
          timedelta(weeks=1, days=-3, hours=25.5), timedelta(milliseconds=1500, minutes=2.25),
          timedelta(seconds=1.5e-6), timedelta(seconds=2.5e-6), timedelta(days=-1)]
for d in deltas:
    print(repr(d), "|", str(d), "|", d.days, d.seconds, d.microseconds, d.total_seconds())
a, b = timedelta(hours=36), timedelta(hours=7)
print(a + b, a - b, b - a, a * 2, 3 * b, a * 1.5, a / 4, a / 0.75, a / b, a // b, a % b, divmod(a, b))
print(a // 5, -a, +a, abs(-a), a > b, a == timedelta(days=1.5), a != b, bool(timedelta(0)), bool(b))
print(sorted([a, b, -b, timedelta(0)]), max(a, b), min(a, b), sum([a, b, b], timedelta()))
print(timedelta.max, timedelta.min, timedelta.resolution, repr(timedelta.max))
total = timedelta()
for minutes in (25, 50, 45, 90):
    total += timedelta(minutes=minutes)
print("study time:", total, "=", total.total_seconds() / 3600, "hours")
print(hash(timedelta(days=1)) == hash(timedelta(hours=24)), {timedelta(hours=24): "day"}[timedelta(days=1)])
