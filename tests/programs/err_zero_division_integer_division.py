# ZeroDivisionError from // by zero inside a function
def average(values):
    return sum(values) // len(values)


print(average([4, 6, 8]))
print(7 % 3, -7 // 3)
batches = [[1, 2, 3], [10], []]
for b in batches:
    print('batch', b)
    print('average', average(b))
print('never reached')
