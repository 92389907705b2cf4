# functions and cells are tracked containers; closure cycles are collectable
import gc

gc.collect()


def outer():
    value = [1]

    def inner():
        return value, inner
    return inner


f = outer()
cell = f.__closure__[0]
print('function tracked:', gc.is_tracked(f), 'cell tracked:', gc.is_tracked(cell))
print('closure tuple tracked:', gc.is_tracked(f.__closure__))
print('first free variable:', f.__code__.co_freevars[0], 'cell referent is f:', gc.get_referents(cell)[0] is f)
del cell
del f
print('collected closure cycle:', gc.collect())
lam = lambda: lam
print('self-referencing global lambda is not a cycle:', gc.collect())
del lam
print('after del lam:', gc.collect())


class Node:
    pass


n = Node()
n.cb = lambda: n
del n
print('instance/lambda via global name, no cycle:', gc.collect())
