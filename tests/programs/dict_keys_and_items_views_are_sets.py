d = {1: 'a', 2: 'b', 3: 'c'}
k = d.keys()
print(k & {1, 5}, k | {9}, k - {2}, k ^ {3, 4}, {2, 7} & k, {0} | k, {1, 2, 3, 4} - k, [2, 8] & k if False else '')
print(k == {1, 2, 3}, k != {1, 2}, k <= {1, 2, 3, 4}, k < {1, 2, 3}, k > {1}, {1, 2} < k, {1, 2, 3} == k)
print(d.items() & {(1, 'a'), (2, 'x')}, sorted(d.items() - {(1, 'a')}), k.isdisjoint({7, 8}), k.isdisjoint([3]))
print(k & [3, 1], k == [1, 2, 3], k == d.keys(), {4: 0}.keys() | k)
e = {'x': 1}
print(e.keys() & e.keys(), e.keys() == {'x'}, e.items() == {('x', 1)}, d.values() == d.values())
try:
    d.values() | {1}
except TypeError as ex:
    print(ex)
try:
    k | 5
except TypeError as ex:
    print(ex)
print(sorted(k ^ d.keys()), k.isdisjoint(k), {}.keys().isdisjoint({}.keys()))
