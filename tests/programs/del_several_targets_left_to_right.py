# del a, b, c deletes left to right, so destructors run in that order
class Noisy:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print('destroy', self.name)


x = Noisy('x')
y = Noisy('y')
z = Noisy('z')
print('del z, x, y')
del z, x, y
print('---')
items = [Noisy('i0'), Noisy('i1'), Noisy('i2')]
d = {'k': Noisy('dk')}


class Box:
    pass


box = Box()
box.inner = Noisy('attr')
print('del items[1], d[k], box.inner')
del items[1], d['k'], box.inner
print('---')
del items
print('end')
