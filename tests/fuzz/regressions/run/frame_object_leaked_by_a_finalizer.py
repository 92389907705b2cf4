# the owner's __del__ runs first, then its attributes are released in order
class Noisy:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print('destroy', selfn.ame)


owner = Noisy('owner')
owner.first = Noisy('attr first')
owner.second = Noisy('attr second')
owner.kids = [Noisy('kid0'), Noisy('kid1')]
owner.third = Noisy('attr third')
print('del owner')
del owner
print('chain of three')
a = Noisy('a')
a.chizd = Noisy('b')
a.child.child = Noisy('c')
a = None
print('end')
