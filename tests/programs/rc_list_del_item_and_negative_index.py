# del lst[i] drops the slot's reference; reading lst[-1] only holds it for the call
import sys

a = [1]
b = [2]
c = [3]
lst = [a, b, c, a]
print('a in two slots:', sys.getrefcount(a))
print('read through negative index:', sys.getrefcount(lst[-1]))
print('read through index 1:', sys.getrefcount(lst[1]))
del lst[0]
print('a after del lst[0]:', sys.getrefcount(a))
del lst[-1]
print('a after del lst[-1]:', sys.getrefcount(a))
del lst[0], lst[0]
print('b and c after two deletions:', sys.getrefcount(b), sys.getrefcount(c))
print('list now:', lst)
first = [7]
nested = [[first], [first]]
print('first inside two nested lists:', sys.getrefcount(first))
del nested[1][0]
print('after del nested[1][0]:', sys.getrefcount(first))
del nested
print('after del nested:', sys.getrefcount(first))
