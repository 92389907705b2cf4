# instances of one class share attribute keys: attributes are released in the class's first-seen key order
class Noisy:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print('destroy', self.name)


class Plain:
    pass


p1 = Plain()
p1.alpha = Noisy('p1.alpha')
p1.beta = Noisy('p1.beta')
p2 = Plain()
p2.beta = Noisy('p2.beta')
p2.alpha = Noisy('p2.alpha')
print('del p1')
del p1
print('del p2')
del p2
p3 = Plain()
p3.gamma = Noisy('p3.gamma')
p3.alpha = Noisy('p3.alpha')
print('del p3')
del p3
print('end')
