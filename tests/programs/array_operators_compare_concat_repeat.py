# + * += *= between arrays, the comparisons (item by item, then by
# length), iteration, in, len, bool, and the operators' TypeErrors.
import array
import sys

A = array.array
a = A('i', [1, 2, 3])
b = A('i', [4])
print(a + b, b * 3, 2 * b, a * 0, a * -1, len(a + a))
c = a
c += b
print(c is a, a, sys.getsizeof(a))
c *= 2
print(c is a, a, sys.getsizeof(a))
a *= 0
print(a, sys.getsizeof(a))
print(A('i', [1, 2]) == A('i', [1, 2]), A('i', [1, 2]) != A('i', [1, 3]))
print(A('i', [1, 2]) == A('d', [1.0, 2.0]), A('i', [1, 2]) < A('d', [1.0, 2.5]))
print(A('i', [1, 2]) < A('i', [1, 2, 0]), A('i', [2]) > A('i', [1, 9]), A('i') <= A('i'))
print(A('d', [float('nan')]) == A('d', [float('nan')]), A('u', 'abc') < A('u', 'abd'))
print(A('i', [1, 2, 3]) == [1, 2, 3], bool(A('i')), bool(A('i', [0])))
print([x for x in A('B', [1, 2])], list(reversed(A('i', [1, 2]))), sorted(A('i', [3, 1, 2])))
print(sum(A('d', [0.5, 1])), max(A('i', [3, 1, 2])), min(A('u', 'zay')))


def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ':', e)


def iadd(x, y):
    x += y
    return x


show(lambda: a + [1])
show(lambda: [1] + a)
show(lambda: a + A('d'))
show(lambda: a * 'x')
show(lambda: a * 2.0)
show(lambda: iadd(A('i'), [1]))
show(lambda: iadd(A('i'), A('b')))
show(lambda: A('i') < [1])
