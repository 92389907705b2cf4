# *args collects extra positionals into a tuple, **kwargs extra keywords into a dict
def f(a, b=2, *args, **kwargs):
    return a, b, args, kwargs


print(f(1))
print(f(1, 3))
print(f(1, 3, 5, 7))
print(f(1, x=9, y=8))
print(f(b=4, a=0, z=1))
print(f(1, 2, 3, k='v'))


def only_star(*items):
    return type(items).__name__, len(items), items


print(only_star())
print(only_star('a'))
print(only_star(*'xyz'))


def only_kw(**opts):
    return sorted(opts.items())


print(only_kw(), only_kw(b=1, a=2))
print(f.__code__.co_argcount, f.__code__.co_varnames)
