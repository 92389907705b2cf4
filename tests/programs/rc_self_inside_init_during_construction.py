# inside __init__ the new object is held by the constructor call, by self, and by the argument
import sys

registry = []


class Widget:
    def __init__(self, name):
        self.name = name
        print('in __init__:', sys.getrefcount(self))
        registry.append(self)
        print('in __init__ after registering:', sys.getrefcount(self))


class Plain:
    def __init__(self):
        print('plain __init__:', sys.getrefcount(self))


w = Widget('first')
print('after construction:', sys.getrefcount(w))
Widget('second')
print('only the registry holds second:', sys.getrefcount(registry[1]))
p = Plain()
print('plain after construction:', sys.getrefcount(p))
registry.clear()
print('after registry.clear():', sys.getrefcount(w))
