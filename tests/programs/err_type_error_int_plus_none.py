# TypeError when a function without return produced None and it is used in arithmetic
def double(x):
    result = x * 2


def triple(x):
    return x * 3


print('triple', triple(4))
value = double(4)
print('value is', value)
print(1 + value)
