# function objects are counted like any other object: module name, lists, dicts, attributes
import sys


def handler():
    return 'handled'


def other():
    return 'other'


print('function bound to its name:', sys.getrefcount(handler))
handlers = [handler, handler, other]
print('in a list twice:', sys.getrefcount(handler))
table = {'h': handler}
print('also in a dict:', sys.getrefcount(handler))


class Button:
    pass


b = Button()
b.on_click = handler
print('also an attribute:', sys.getrefcount(handler), b.on_click())
alias = handler
print('plus an alias:', sys.getrefcount(handler))
del alias, table['h']
handlers.clear()
b.on_click = other
print('after releasing:', sys.getrefcount(handler), sys.getrefcount(other))
print('calling through an attribute:', b.on_click())
del b
print('end:', sys.getrefcount(other))
