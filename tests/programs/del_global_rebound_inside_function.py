# a function that rebinds a global with the global statement destroys the old object there
class Noisy:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print('destroy', self.name)


current = Noisy('v1')


def upgrade(name):
    global current
    print('upgrading to', name)
    current = Noisy(name)
    print('upgraded')


def drop():
    global current
    del current
    print('dropped inside function')


upgrade('v2')
upgrade('v3')
drop()
print('end')
