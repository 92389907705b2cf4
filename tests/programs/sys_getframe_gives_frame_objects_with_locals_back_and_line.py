# sys._getframe(depth) and the frame objects it gives: f_code.co_name,
# f_lineno, f_back, f_locals (the same dict each time), a frame's locals
# kept by its object after it returns; generators' locals() too.
import sys, gc
def h():
    fr = sys._getframe()
    print(fr.f_code.co_name, fr.f_lineno, fr.f_back.f_code.co_name)
    print(fr.f_locals is fr.f_locals, sorted(fr.f_locals))
    return fr
fr = h()
print(sorted(fr.f_locals), fr.f_back.f_code.co_name, repr(fr).split(',')[2:], repr(fr)[:10])
def deep(n):
    if n == 0:
        fr = sys._getframe(0)
        names = []
        while fr is not None:
            names.append(fr.f_code.co_name)
            fr = fr.f_back
        return names
    return deep(n - 1)
print(deep(3))
print(sys._getframe(1) if False else "skip")
try:
    sys._getframe(50)
except ValueError as e:
    print("ValueError", e)
try:
    sys._getframe("a")
except TypeError as e:
    print("TypeError", e)
print(sys._getframe(-3).f_code.co_name)
def cyc():
    d = locals()
    d2 = locals()
    return 1
gc.collect()
gc.disable()
cyc()
print("collected", gc.collect())
def gen():
    a = [1]
    yield locals()
    b = 2
    yield locals()
it = gen()
d = next(it)
print(sorted(d))
d = next(it)
print(sorted(d))
del it, d
print(gc.collect())
