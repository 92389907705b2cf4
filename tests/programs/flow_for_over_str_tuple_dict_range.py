# for loops over range, list, tuple, dict, dict items and str
for i in range(3):
    print('range', i)
for x in [10, 'b', None]:
    print('list', x)
for t in (1, (2, 3)):
    print('tuple', t)
d = {'one': 1, 'two': 2, 'three': 3}
for k in d:
    print('key', k, d[k])
for k, v in d.items():
    print('item', k, v)
for v in d.values():
    print('value', v)
for ch in 'hey':
    print('char', ch)
for i in range(5, 0, -2):
    print('down', i)
for nothing in []:
    print('never')
total = 0
for a, b in [(1, 2), (3, 4)]:
    total += a * b
print('total', total)
