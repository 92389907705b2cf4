# storing a bound method on its own instance makes a cycle of two objects
import gc
import sys

class Button:
    def click(self):
        return 'clicked'

gc.collect()
b = Button()
print('refcount before', sys.getrefcount(b))
b.handler = b.click
print('refcount after', sys.getrefcount(b))
print(b.handler())
del b
print('collected', gc.collect())
