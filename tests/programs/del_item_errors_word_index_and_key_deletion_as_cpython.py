# CPython 3.11's PyObject_DelItem words its TypeError by the key: an index
# into an object with sequence methods "doesn't", anything else "does not".
import types


class A:
    pass


def attempt(label, fn):
    try:
        fn()
        print(label, 'ok')
    except TypeError as e:
        print(label, e)


def delete(o, k):
    def f():
        del o[k]
    return f


cases = [((1,), 0), ((1,), 'a'), (5, 0), (5, 'a'), (object(), 0), ('abc', 0), ('abc', 'a'), ({1}, 0),
         ({1}, 'a'), (range(3), 0), (range(3), 'a'), (A(), 0), (A(), 'a'), (b'x', True),
         (types.MappingProxyType({}), 0), (types.MappingProxyType({}), 'a'), ({}.keys(), 0)]
for o, k in cases:
    attempt(type(o).__name__ + ' ' + repr(k), delete(o, k))
