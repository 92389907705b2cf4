# send() resumes with a value; return sets StopIteration.value
def accumulator():
    total = 0
    while True:
        x = yield total
        if x is None:
            return total
        total += x


acc = accumulator()
print(next(acc))
print(acc.send(5))
print(acc.send(10))
try:
    acc.send(None)
except StopIteration as e:
    print('returned', e.value, e.args)
fresh = accumulator()
try:
    fresh.send(3)
except TypeError as e:
    print('TypeError:', e)
print(fresh.send(None))
fresh.close()
try:
    next(fresh)
except StopIteration:
    print('closed generator is exhausted')
del acc, fresh
