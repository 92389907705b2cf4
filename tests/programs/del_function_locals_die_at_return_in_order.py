# at return a frame releases parameters and locals in the order they were declared
class Noisy:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print('destroy', self.name)


def work(p, q):
    second = Noisy('local1')
    first = Noisy('local2')
    print('work body ends')


def early(flag):
    a = Noisy('early_a')
    if flag:
        return 'returned early'
    b = Noisy('early_b')
    return 'returned late'


work(Noisy('arg_p'), Noisy('arg_q'))
print('after work')
print(early(True))
print(early(False))
print('end')
