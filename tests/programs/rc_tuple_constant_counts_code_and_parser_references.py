# constant tuples are shared with the code object (and, for the main script, its parsed AST)
import sys

point = (1, 2)
print('constant tuple bound once:', sys.getrefcount(point))
same = (3, 4)
again = (3, 4)
print('equal constant written twice:', sys.getrefcount(same), same is again)


def origin():
    return (0, 0)


o = origin()
print('constant returned from a function:', sys.getrefcount(o))


def local_const():
    t = (7, 8, 9)
    print('constant tuple in a local:', sys.getrefcount(t))


local_const()
built = (point, 5)
print('tuple built at run time:', sys.getrefcount(built))
print('point after building:', sys.getrefcount(point))
del built
