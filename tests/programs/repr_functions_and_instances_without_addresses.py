# default reprs contain addresses, so only their shape is checked
class Node:
    def method(self):
        pass


def func():
    pass


n = Node()
r = repr(n)
print(r.startswith('<__main__.Node object at 0x'), r.endswith('>'))
print(repr(func).startswith('<function func at 0x'))
print(repr(Node.method).startswith('<function Node.method at 0x'))
print(str(n) == repr(n))
print(hex(id(n)) in repr(n))
print(hex(id(func)) in repr(func))
print(repr(n) == repr(n))
o = object()
print(repr(o).startswith('<object object at 0x'))
print(repr(len))
print(repr(print))
print(repr([n]).startswith("[<__main__.Node object at 0x"))
