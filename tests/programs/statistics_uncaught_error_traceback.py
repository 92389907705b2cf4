import statistics
scores = []
print(statistics.mean([1, 2, 3]))
print(statistics.median(scores))
