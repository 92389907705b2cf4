# id() is only compared, never printed: equal ids mean the same object while both live
a = [1]
b = a
c = [1]
print(id(a) == id(b), id(a) == id(c))
print(id(a) == id(a), id(a) != id(c))


class Node:
    pass


n = Node()
m = n
print(id(n) == id(m), id(n) == id(Node))
d = {'k': n}
print(id(d['k']) == id(n))
lst = [a, a]
print(id(lst[0]) == id(lst[1]))
print(isinstance(id(a), int), id(a) > 0)
x = id(a)
a.append(2)
print(x == id(a), a)
