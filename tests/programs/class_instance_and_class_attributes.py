# instance attributes shadow class attributes; methods are looked up on the class
class Counter:
    count = 0
    label = 'counter'

    def __init__(self):
        Counter.count += 1
        self.id = Counter.count

    def name(self):
        return self.label + str(self.id)


a = Counter()
b = Counter()
print(Counter.count, a.count, b.count, a.id, b.id)
b.label = 'custom'
print(a.name(), b.name(), Counter.label)
del b.label
print(b.name())
Counter.label = 'renamed'
print(a.name(), b.name())
a.extra = [1]
print(hasattr(a, 'extra'), hasattr(b, 'extra'))
print(type(a).count, isinstance(a, Counter))
