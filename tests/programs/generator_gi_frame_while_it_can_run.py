import gc, sys
def countdown(n):
    while n > 0:
        yield n
        n -= 1
g = countdown(3)
print(g.gi_frame is not None, g.gi_frame.f_lineno, g.gi_running)
print(next(g), g.gi_frame.f_lineno, g.gi_frame.f_locals)
print(list(g), g.gi_frame)
h = countdown(2)
f = h.gi_frame
print(f.f_code.co_name, next(h), f.f_locals['n'])
del h
print(gc.collect() >= 0, f.f_code.co_name)
