# reprs of types: builtin classes, user classes and type(type)
class Node:
    pass


class Leaf(Node):
    pass


def f():
    pass


print(type([]))
print(type({}))
print(type(()))
print(type('s'))
print(type(1))
print(type(True))
print(type(None))
print(Node)
print(type(Node()))
print(Leaf, type(Leaf()))
print(type(f))
print(type(len))
print(type(Node))
print(type(type))
print(type(object()))
print(type(range(3)))
print([int, str, Node])
print(repr(list), str(dict))
