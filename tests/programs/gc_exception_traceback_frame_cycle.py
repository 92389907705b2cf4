# an exception stored in a local of the frame its traceback holds is a cycle:
# exception -> traceback -> frame -> locals -> exception; the collector frees it
import gc
class E(Exception):
    pass
def f():
    try:
        raise E('x')
    except E as e:
        err = e          # the frame's local holds the exception, whose traceback holds the frame
    return 1
gc.collect()
f()
print('collected', gc.collect())
def g():
    try:
        raise E('y')
    except E as e:
        return e
ex = g()
print(type(ex.__traceback__).__name__)
del ex
print('collected', gc.collect())
