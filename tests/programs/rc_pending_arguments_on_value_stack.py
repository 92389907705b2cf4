# values already pushed for a pending call or display are still on the stack and count
import sys

l = [1]
print('alone:', sys.getrefcount(l))
print(l, 'pushed before the count:', sys.getrefcount(l))
print('inside a list display:', [l, sys.getrefcount(l)][1])
print('inside a tuple display:', (l, l, sys.getrefcount(l))[2])
print('inside a dict display:', {'a': l, 'n': sys.getrefcount(l)}['n'])
l.append(sys.getrefcount(l))
print('method receiver on the stack:', l)


def second(a, b):
    return b


print('earlier argument of a Python call:', second(l, sys.getrefcount(l)))
print('in an f-string:', f'{sys.getrefcount(l)}')
print('in arithmetic:', sys.getrefcount(l) + 100)
d = {'k': l}
print('subscript result:', sys.getrefcount(d['k']))
print('end:', sys.getrefcount(l))
