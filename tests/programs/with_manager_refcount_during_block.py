# during a with block the interpreter holds the bound __exit__ (and through it the manager)
import sys


class Res:
    def __enter__(self):
        print('enter refcount:', sys.getrefcount(self))
        return self

    def __exit__(self, *args):
        print('exit refcount:', sys.getrefcount(self), len(args))

    def __del__(self):
        print('Res freed')


r = Res()
print('before:', sys.getrefcount(r))
with r:
    print('inside (name + bound __exit__):', sys.getrefcount(r))
print('after:', sys.getrefcount(r))
with r as same:
    print('inside with as-name:', sys.getrefcount(r))
del same
print('after del same:', sys.getrefcount(r))
del r
print('-- anonymous manager')
with Res() as anon:
    print('anonymous inside:', sys.getrefcount(anon))
print('after anonymous block')
del anon
print('end')
