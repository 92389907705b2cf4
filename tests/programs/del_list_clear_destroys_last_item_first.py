# clearing or dropping a list releases its items from the last slot to the first
class Noisy:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print('destroy', self.name)


row = [Noisy('a'), Noisy('b'), Noisy('c')]
print('row.clear()')
row.clear()
print('row is now', row)
row = [Noisy('d'), Noisy('e'), Noisy('f')]
print('rebinding row')
row = []
print('del of a list')
other = [Noisy('g'), Noisy('h')]
del other
print('list going away inside a dict')
d = {'lst': [Noisy('i'), Noisy('j')]}
del d['lst']
print('end')
