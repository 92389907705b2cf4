# comparison failures inside sorted/min/max name both types
pairs = [(1, 'a'), (1, 'b'), (0, 'c')]
print(sorted(pairs))
print(max(pairs), min(pairs))
try:
    max(1, 'x')
except TypeError as e:
    print(e)
try:
    sorted([(1, 2), (1, 'a')])
except TypeError as e:
    print(e)
print(sorted([3, None, 1]))
