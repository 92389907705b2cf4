# What importing datetime leaves for the collector, and that its objects are
# not containers the collector tracks.
import gc

gc.collect()
import datetime

print(gc.collect())
print(gc.get_count())
days = [datetime.date(2024, 1, d) for d in range(1, 29)]
print(any(gc.is_tracked(d) for d in days), gc.is_tracked(days))
span = [days[i + 1] - days[i] for i in range(len(days) - 1)]
print(set(span), len(span))
print(gc.collect())
