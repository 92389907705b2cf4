# a generator runs lazily: body starts at the first next(), StopIteration at the end
def countdown(n):
    print('start', n)
    while n > 0:
        yield n
        n -= 1
    print('done')


g = countdown(3)
print('created', type(g).__name__)
print(next(g))
print(next(g))
for v in g:
    print('loop', v)
print(list(g))
try:
    next(g)
except StopIteration:
    print('StopIteration again')
print(list(countdown(2)))
print(sum(countdown(4)))
print(g.__name__, g.__qualname__)
del g
