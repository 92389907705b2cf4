# an exception raised by __del__ during a collection is printed and ignored
import gc

class Bad:
    def __del__(self):
        raise ValueError('from __del__')

gc.collect()
b = Bad()
b.me = b
del b
print('collected', gc.collect())
print('still running')
