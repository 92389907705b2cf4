def average(values):
    return sum(values) / len(values)

print(average([1, 2, 3]))
data = {"scores": []}
result = average(data["scores"])
print(result)
