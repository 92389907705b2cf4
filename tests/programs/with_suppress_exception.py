# a true result from __exit__ suppresses the exception; execution continues after the with
class Suppress:
    def __init__(self, *types):
        self.types = types
        self.caught = None

    def __enter__(self):
        return self

    def __exit__(self, et, ev, tb):
        if et is not None and issubclass(et, self.types):
            self.caught = ev
            return True
        return None


with Suppress(ZeroDivisionError) as s:
    print('before')
    1 // 0
    print('not reached')
print('after, caught:', repr(s.caught))
with Suppress(KeyError, IndexError) as s2:
    [][3]
print('caught:', repr(s2.caught))
try:
    with Suppress(KeyError):
        raise TypeError('not suppressed')
except TypeError as e:
    print('outer caught', e)


def f():
    for i in range(3):
        with Suppress(ValueError):
            if i == 1:
                raise ValueError(i)
            print('iteration', i)
    return 'done'


print(f())
del s, s2
