# throw() raises inside the generator at the paused yield
def worker():
    n = 0
    while True:
        try:
            yield n
        except ValueError as e:
            print('worker handled', e)
            n += 100
        n += 1


w = worker()
print(next(w))
print(next(w))
print(w.throw(ValueError('reset')))
print(next(w))
try:
    w.throw(KeyError('fatal'))
except KeyError as e:
    print('propagated', repr(e))
print(next(w, 'exhausted'))


def once():
    yield 1


o = once()
try:
    o.throw(IndexError('before start'))
except IndexError as e:
    print('unstarted throw:', e)
print(list(o))
del w, o
