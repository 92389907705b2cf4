# setattr stores a reference like attribute assignment; getattr and hasattr only borrow it
import sys


class Config:
    def __init__(self):
        self.items = []


c = Config()
value = {'debug': 1}
setattr(c, 'options', value)
print('after setattr:', sys.getrefcount(value))
print('through getattr:', sys.getrefcount(getattr(c, 'options')))
print('hasattr options:', hasattr(c, 'options'), sys.getrefcount(value))
print('hasattr missing:', hasattr(c, 'missing'))
print('getattr default:', getattr(c, 'missing', 'fallback'))
got = getattr(c, 'options')
print('getattr bound to a name:', sys.getrefcount(value))
del got
setattr(c, 'options', None)
print('after setattr None:', sys.getrefcount(value))
print('items list:', sys.getrefcount(getattr(c, 'items')))
setattr(c, 'items', value)
print('value now in items:', sys.getrefcount(value), c.items)
delattr_target = c
del delattr_target.items
print('after del through another name:', sys.getrefcount(value))
