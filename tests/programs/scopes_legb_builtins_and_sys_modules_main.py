x = "global x"
def outer():
    x = "enclosing x"
    def inner():
        nonlocal x
        x = "changed by inner"
        print("inner:", x)
    inner()
    print("outer:", x)
outer()
print("module:", x)
def show_locals(a, b=2, *args, **kw):
    c = a + b
    print(sorted(locals().items()))
show_locals(1, 3, 4, z=5)
import builtins
print(len is builtins.len, 'len' in dir(builtins), len(dir(builtins)) > 100)
def shadow():
    len = lambda s: -1
    return len("abc")
print(shadow(), len("abc"))
print([n for n in dir() if not n.startswith('_')])
print(globals()['x'], 'outer' in globals())
counter = 0
def inc():
    global counter
    counter += 1
for _ in range(3): inc()
print(counter)
def make_multiplier(n):
    def mul(x):
        return x * n
    return mul
double = make_multiplier(2)
print(double(5), double.__closure__[0].cell_contents, double.__code__.co_freevars)
print(make_multiplier.__code__.co_cellvars)
try:
    def bad():
        print(y)
        y = 1
    bad()
except UnboundLocalError as e:
    print(type(e).__name__, e)
print(__name__, type(globals()), callable(print))
import sys
print(sys.getrefcount(x) >= 2, type(sys.modules).__name__, '__main__' in sys.modules, 'builtins' in sys.modules)
print(sys.modules['__main__'] is sys.modules[__name__])


def handle_add(a, b):
    return a + b


def handle_mul(a, b):
    return a * b


this_module = sys.modules[__name__]
for op in ("add", "mul"):
    print(op, getattr(this_module, "handle_" + op)(6, 7))


class Noisy:
    def __del__(self):
        print("Noisy goes at exit")


keep = Noisy()
print("end")
