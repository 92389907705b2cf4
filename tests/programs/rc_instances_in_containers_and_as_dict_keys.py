# instances stored in lists, as dict values and as dict keys each gain a reference
import sys


class Key:
    def __init__(self, label):
        self.label = label


k1 = Key('one')
k2 = Key('two')
print('fresh instances:', sys.getrefcount(k1), sys.getrefcount(k2))
index = {k1: 'first', k2: 'second'}
print('as dict keys:', sys.getrefcount(k1), sys.getrefcount(k2))
print('lookup by instance:', index[k1], k2 in index)
reverse = {'one': k1}
print('also a dict value:', sys.getrefcount(k1))
group = [k1, k2, k1]
print('also in a list:', sys.getrefcount(k1), sys.getrefcount(k2))
del index[k1]
print('key deleted:', sys.getrefcount(k1))
index.clear()
group.remove(k1)
print('after clear and remove:', sys.getrefcount(k1), sys.getrefcount(k2))
group.clear()
del reverse['one']
print('end:', sys.getrefcount(k1), sys.getrefcount(k2))
