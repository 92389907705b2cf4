# temporaries die right after the statement (or call) that used them
class Noisy:
    def __init__(self, name):
        self.name = name
        print('create', name)

    def __del__(self):
        print('destroy', self.name)

    def hello(self):
        print('hello from', self.name)
        return 1


Noisy('expression statement')
print('next statement')
Noisy('receiver').hello()
print('next statement')


def take(x):
    print('take got', x.name)


take(Noisy('argument'))
print('len of list of temps:', len([Noisy('t1'), Noisy('t2')]))
print('end')
