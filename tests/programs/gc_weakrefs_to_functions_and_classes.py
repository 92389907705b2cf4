# functions and classes can be weakly referenced too; a class dies in a collection
import gc
import weakref

def handler():
    return 'handled'

class Plugin:
    pass

gc.collect()
rf = weakref.ref(handler, lambda r: print('function gone'))
rc = weakref.ref(Plugin, lambda r: print('class gone'))
print(rf()(), rc().__name__)
del handler
print('function freed by refcount:', rf())
del Plugin
print('class still alive (it is a cycle):', rc() is not None)
print('collected', gc.collect())
print('class gone:', rc())
try:
    weakref.ref(42)
except TypeError as e:
    print('TypeError:', e)
