# a nested function that calls itself by name is a cycle: function, cell, closure tuple
import gc

def make():
    def countdown(n):
        return 0 if n == 0 else countdown(n - 1)
    return countdown

gc.collect()
f = make()
print(f(3))
print('closure cells', len(f.__closure__))
del f
print('collected', gc.collect())
