# comprehension variables live in their own scope; the first iterable is evaluated outside it
x = 'outer x'
result = [x for x in range(3)]
print(result, x)
print({x: 0 for x in 'ab'}, x)
print(list(x for x in [7]), x)
try:
    print(y)
except NameError as e:
    print(e)
[y for y in range(2)]
try:
    print(y)
except NameError as e:
    print('still', e)
n = 3
print([n * i for i in range(n)])


class Config:
    size = 3
    values = [i for i in range(size)]
    try:
        doubled = [size * i for i in range(2)]
    except NameError as e:
        doubled = str(e)


print(Config.values, Config.doubled)
for i in range(2):
    pass
print([i for i in range(5)][-1], i)
