# several managers exit in reverse order; an exception passes through each __exit__
class CM:
    def __init__(self, name, swallow=False):
        self.name = name
        self.swallow = swallow

    def __enter__(self):
        print('enter', self.name)
        return self

    def __exit__(self, et, ev, tb):
        print('exit', self.name, et.__name__ if et else '-')
        return self.swallow


with CM('a'), CM('b'), CM('c'):
    print('body')
with CM('outer', swallow=True):
    with CM('inner'):
        raise RuntimeError('x')
print('outer swallowed it')


class Broken:
    def __enter__(self):
        raise OSError('cannot enter')

    def __exit__(self, *a):
        print('never called')


try:
    with CM('first'), Broken():
        print('not reached')
except OSError as e:
    print('enter failed:', e)
