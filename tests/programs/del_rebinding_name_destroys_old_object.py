# rebinding a name creates the new object first, then releases the old one
class Noisy:
    def __init__(self, name):
        self.name = name
        print('create', name)

    def __del__(self):
        print('destroy', self.name)


obj = Noisy('first')
obj = Noisy('second')
print('after rebinding')
obj = Noisy('third')
print('rebind to None')
obj = None
print('loop of rebindings')
i = 0
while i < 3:
    current = Noisy('loop' + str(i))
    i += 1
print('after loop')
del current
print('end')
