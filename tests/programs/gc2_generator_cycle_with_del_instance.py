# a generator suspended inside try/finally, kept in a cycle with an object that has __del__
import gc

gc.collect()


class Owner:
    def __init__(self, name):
        self.name = name
        self.it = self.produce()

    def produce(self):
        try:
            yield self.name
            yield self.name + '!'
        finally:
            print('finally in', self.name)

    def __del__(self):
        print('Owner.__del__', self.name)


a = Owner('started')
print(next(a.it))
b = Owner('fresh')
del a, b
print('collected:', gc.collect())
c = Owner('exhausted')
print(list(c.it))
del c
print('exhausted generator, no cycle:', gc.collect())
