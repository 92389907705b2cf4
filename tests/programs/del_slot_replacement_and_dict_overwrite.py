# replacing a list slot or overwriting a dict key destroys the old value after the store
class Noisy:
    def __init__(self, name):
        self.name = name
        print('create', name)

    def __del__(self):
        print('destroy', self.name)


slots = [Noisy('old0'), Noisy('old1')]
slots[0] = Noisy('new0')
print('after slot 0 replaced')
slots[-1] = Noisy('new1')
print('after slot -1 replaced')
d = {'k': Noisy('oldk')}
d['k'] = Noisy('newk')
print('after overwrite')


class Box:
    pass


b = Box()
b.item = Noisy('olda')
b.item = Noisy('newa')
print('after attribute overwrite')
slots.clear()
d.clear()
del b
print('end')
