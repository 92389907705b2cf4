# after a for loop the loop variable still holds the last item
class Noisy:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print('destroy', self.name)


things = [Noisy('first'), Noisy('middle'), Noisy('last')]
for thing in things:
    print('visiting', thing.name)
print('clearing the list')
things.clear()
print('list cleared; thing is', thing.name)
del thing
print('after del thing')


def scan():
    local_items = [Noisy('x'), Noisy('y')]
    for it in local_items:
        pass
    print('scan returns')


scan()
print('end')
