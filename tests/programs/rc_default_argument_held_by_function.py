# a default argument value is held by the function object; using it adds the frame's reference
import sys


def remember(item, seen=[]):
    seen.append(item)
    print('default list inside call:', sys.getrefcount(seen), len(seen))
    return seen


shared = {'n': 0}


def use_global_default(x=shared):
    print('global default inside call:', sys.getrefcount(x))


print('global used as default:', sys.getrefcount(shared))
use_global_default()
use_global_default([1])
r = remember(1)
print('returned default held by function and r:', sys.getrefcount(r))
r2 = remember(2)
print('two names for the default:', sys.getrefcount(r), r is r2)
del r2
remember(3, [])
print('default list contents:', r)
del r
