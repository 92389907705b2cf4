"""A script's own names: __main__ starts with nine, __file__ among them."""
import sys
import builtins

print(sorted(globals()))
print(__doc__, __package__, __spec__, __cached__, __name__)
print(__file__.rsplit("/", 1)[-1], __file__.startswith("/"))
print(__loader__.name, __loader__.path == __file__)

# module-level annotations are kept, as a class body's are
count: int = 3
names: "list[str]"
if count:
    ratio: float = 0.5
print(__annotations__)

# __builtins__ of the main module is the builtins module
print(__builtins__, __builtins__ is builtins, type(__builtins__).__name__)
print(builtins.len is len, builtins.__name__, "print" in dir(builtins))
builtins.shout = lambda s: s.upper() + "!"
print(shout("names are found in builtins last"))
del builtins.shout


def local_names():
    x: int = 1          # a function's annotations are not evaluated
    return sorted(locals())


print(local_names())
g = {}
exec("y = 2", g)
print(type(g["__builtins__"]).__name__, g["y"])
print(sys.getsizeof(globals()), len(globals()))
