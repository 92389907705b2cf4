# a captured variable lives in a cell: the cell holds the list, the function holds the cell
import sys


def make():
    items = [1, 2]
    print('cell variable before the closure is made:', sys.getrefcount(items))

    def get():
        return items
    print('cell variable after the closure is made:', sys.getrefcount(items))
    return get


getter = make()
lst = getter()
print('returned list (cell + name):', sys.getrefcount(lst))
print('closure function refcount:', sys.getrefcount(getter))
g2 = getter
print('two names:', sys.getrefcount(getter))
del g2
cells = getter.__closure__
print('closure tuple length:', len(cells), cells[0].cell_contents is lst)
del cells
del getter
print('after deleting the closure:', sys.getrefcount(lst))
