# __del__ runs as soon as the last reference goes away, not before
class Noisy:
    def __init__(self, name):
        self.name = name
        print('create', name)

    def __del__(self):
        print('destroy', self.name)


a = Noisy('a')
b = a
print('del a (b still holds it)')
del a
print('del b')
del b
print('after del b')
c = Noisy('c')
holder = [c]
del c
print('c lives in holder')
holder.pop()
print('after pop')
d = Noisy('d')
d = None
print('end')
