# reprs of dict views and range objects
d = {'a': 1, 'b': [2], 'c': None}
print(d.keys())
print(d.values())
print(d.items())
print(list(d.items()))
print(range(5))
print(range(2, 10))
print(range(10, 0, -2))
print(list(range(10, 0, -2)))
print(range(0))
print(list(range(0)))
print({}.keys(), {}.items())
d['d'] = 4
print(d.keys())
del d['a']
print(d.values())
