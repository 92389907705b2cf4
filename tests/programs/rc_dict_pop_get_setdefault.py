# dict.pop returns the reference, get only lends it, setdefault stores the default
import sys

v = [5]
d = {'k': v}
print('stored:', sys.getrefcount(v))
print('through get:', sys.getrefcount(d.get('k')))
print('get with missing key:', d.get('zz'), d.get('zz', 'dflt'))
got = d.get('k')
print('get bound to a name:', sys.getrefcount(v))
del got
out = d.pop('k')
print('after pop bound to out:', sys.getrefcount(v))
print('pop with default:', d.pop('k', 'gone'))
d['k'] = v
d.pop('k')
print('after discarded pop:', sys.getrefcount(v))
fresh = [6]
r = d.setdefault('s', fresh)
print('setdefault stored fresh:', sys.getrefcount(fresh), r is fresh)
other = [7]
r2 = d.setdefault('s', other)
print('setdefault on existing key:', sys.getrefcount(other), r2 is fresh)
print('fresh now:', sys.getrefcount(fresh))
del r, r2, out
print('after del of the names:', sys.getrefcount(fresh), sys.getrefcount(v))
d.clear()
print('fresh after clear:', sys.getrefcount(fresh))
