# pop() and remove() release the list's reference; the object dies if nobody else holds it
class Noisy:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print('destroy', self.name)


a = Noisy('a')
queue = [a, Noisy('b'), Noisy('c'), Noisy('d')]
print('pop() discarded')
queue.pop()
print('pop(1) kept')
kept = queue.pop(1)
print('remove(a) while a is still named')
queue.remove(a)
print('del a')
del a
print('del kept')
del kept
print('insert and clear')
queue.insert(0, Noisy('e'))
queue.clear()
print('end')
