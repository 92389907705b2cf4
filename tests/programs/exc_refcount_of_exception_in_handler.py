# references to an exception instance: the handler name, the handled-exception slot, containers
import sys


class MyError(Exception):
    pass


err = MyError('x')
print('bound to a global:', sys.getrefcount(err))
try:
    raise err
except MyError as e:
    print('inside handler:', sys.getrefcount(err))
    keep = [e]
    print('also in a list:', sys.getrefcount(err))
print('after handler:', sys.getrefcount(err))
del keep
print('after del keep:', sys.getrefcount(err))
args = err.args
print('args is a tuple:', args, type(args).__name__)


def raiser(x):
    raise x


try:
    raiser(err)
except MyError:
    print('handled via function:', sys.getrefcount(err))
err.__traceback__ = None
print('after clearing traceback:', sys.getrefcount(err))
del err
