# Reference churn: 10^6 rebinds of a name to the same list (an incref of
# the new target, a decref of the old), nothing allocated or freed.
x = [1, 2, 3]
y = None
for i in range(10**6):
    y = x
print(len(y))
