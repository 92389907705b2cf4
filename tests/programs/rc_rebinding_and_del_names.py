# a second name adds a reference; rebinding or deleting a name drops it
import sys

data = [10, 20]
print('one name:', sys.getrefcount(data))
alias = data
print('two names:', sys.getrefcount(data))
third = alias
print('three names:', sys.getrefcount(data))
alias = [99]
print('after rebinding alias:', sys.getrefcount(data))
print('new list under alias:', sys.getrefcount(alias))
del third
print('after del third:', sys.getrefcount(data))
third = data
third = data
print('assigning the same object twice:', sys.getrefcount(data))
del alias, third
print('after del of two names:', sys.getrefcount(data))
data = data
print('self assignment:', sys.getrefcount(data))
