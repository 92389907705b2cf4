# is / is not compare identity: same object vs equal value
a = [1, 2]
b = a
c = [1, 2]
print(a is b, a is c, a == c)
print(a is not c, b is not a)
print(None is None, a is None, a is not None)
print([] is [], {} is {}, [] == [])
d = {'k': a}
print(d['k'] is a, d.get('missing') is None)
t = (a, c)
print(t[0] is b, t[1] is c, t[0] is t[1])
s = 'text'
s2 = s
print(s is s2, s2 == 'text')
print(True is True, True is not False)


class Node:
    pass


n1 = Node()
n2 = Node()
print(n1 is n1, n1 is n2, type(n1) is type(n2), type(n1) is Node)
print(type(a) is list, type(d) is dict, type(t) is tuple)
