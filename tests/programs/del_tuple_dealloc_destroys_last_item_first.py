# a dying tuple releases its items from the last to the first
class Noisy:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print('destroy', self.name)


t = (Noisy('t0'), Noisy('t1'), Noisy('t2'))
print('del t')
del t
pair = (Noisy('left'), Noisy('right'))
print('rebinding pair')
pair = 0
print('nested tuple')
nested = ((Noisy('in0'), Noisy('in1')), Noisy('outer'))
del nested
print('end')
