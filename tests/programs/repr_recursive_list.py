# a list that contains itself prints as [...] at the point of recursion
l = [1, 2]
l.append(l)
print(l)
print(repr(l))
print(str(l))
outer = [l, 'x']
print(outer)
a = []
b = [a]
a.append(b)
print(a)
print(b)
m = []
m.append(m)
m.append(m)
print(m)
t = (m, 1)
print(t)
print(len(l), l[2] is l, l[2][2][2] is l)
l.pop()
m.clear()
a.clear()
print('after breaking:', l, m, a, b)
