# a dict that contains itself prints as {...}; mixed list/dict cycles too
d = {'name': 'root'}
d['self'] = d
print(d)
print(repr(d))
holder = {'inner': d, 'n': 1}
print(holder)
l = [1]
e = {'list': l}
l.append(e)
print(l)
print(e)


class Node:
    pass


n = Node()
n.d = d
print(d['self']['self']['name'])
print(len(d), 'self' in d)
del d['self']
l.pop()
print('after breaking:', d, l, e)
del n
