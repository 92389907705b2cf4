# NameError for a name with nothing similar in scope: no suggestion
data = {'a': 1}
print('data has', len(data), 'key')


def compute(x):
    y = x * 2
    print('y =', y)
    return y + zzqq_undefined


print(compute(3))
