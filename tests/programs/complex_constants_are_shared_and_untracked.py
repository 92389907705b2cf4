import gc
import sys

# An imaginary literal is a constant of the code: every run of the line
# gives the same object, held by co_consts.
def f():
    return 2j

a = f()
b = f()
print(a is b, sys.getrefcount(a))
z = 3.5j
print(sys.getrefcount(z))
w = -1j            # folded: a constant too
print(w, sys.getrefcount(w))

# Arithmetic makes new objects that die with their last name.
s = z + a
print(s, sys.getrefcount(s))
items = [1j * k for k in range(4)]
print(items, [sys.getrefcount(x) for x in items])
print(gc.is_tracked(s), gc.is_tracked(items), sys.getsizeof(s), sys.getsizeof(1j))

# complex(z) of a complex returns the very object
c = complex(1, 2)
print(complex(c) is c, sys.getrefcount(c))

before = gc.get_count()[0]
many = [complex(k, k) for k in range(50)]
print(gc.get_count()[0] - before)
del many
pairs = {1 + 2j: 'a', 3j: 'b'}
print(pairs[complex('1+2j')], pairs.get(3j), 3j in pairs, (1 + 2j) in [1, 1 + 2j])
print(type(1j).__name__, complex, isinstance(1j, (int, float)), isinstance(1j, complex))
# folded complex arithmetic on literals
z = 3 + 4j
w = 3 + 4j
print(z is w, sys.getrefcount(z))
def g():
    return -1.5 - 0.5j
print(g() is g(), sys.getrefcount(g()))
y = (1 + 2j) * (3 - 4j) + 2 * 3.5
print(y, sys.getrefcount(y))
t = (1 + 1j, 2j)
print(t, sys.getrefcount(t[0]))
try:
    q = 1j / 0
except ZeroDivisionError as e:
    print(e)
print(1.5 + 2.5, 2 ** 0.5j)
