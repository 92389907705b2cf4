# an object whose attribute is the object itself, and a list that contains itself
import sys


class Node:
    pass


n = Node()
print('alone:', sys.getrefcount(n))
n.me = n
print('n.me = n:', sys.getrefcount(n))
n.again = n
print('two self attributes:', sys.getrefcount(n))
print('n.me.me.again is n:', n.me.me.again is n)
del n.again
del n.me
print('self links deleted:', sys.getrefcount(n))
loop = [1]
loop.append(loop)
print('list containing itself:', sys.getrefcount(loop))
loop.pop()
print('after pop:', sys.getrefcount(loop))
d = {}
d['self'] = d
print('dict containing itself:', sys.getrefcount(d))
del d['self']
print('after del:', sys.getrefcount(d))
