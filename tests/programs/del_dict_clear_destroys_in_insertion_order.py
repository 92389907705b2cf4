# clearing or dropping a dict releases its values in insertion order
class Noisy:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print('destroy', self.name)


d = {}
d['z'] = Noisy('z')
d['a'] = Noisy('a')
d['m'] = Noisy('m')
print('d.clear()')
d.clear()
d = {'first': Noisy('first'), 'second': Noisy('second'), 'third': Noisy('third')}
d['first'] = Noisy('replacement')
print('del d')
del d
print('dict.pop')
e = {'p': Noisy('p'), 'q': Noisy('q')}
e.pop('q')
print('after pop')
e = None
print('end')
