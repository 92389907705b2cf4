# deque's errors: empty pops, bad indexes, missing values, maxlen, mutation
# during iteration, unhashable, no attributes.
from collections import deque

def attempt(label, f):
    try:
        r = f()
        print(label, 'ok', r)
    except Exception as e:
        print(label, type(e).__name__, e)

q = deque([1, 2, 3])
attempt('pop', lambda: deque().pop())
attempt('popleft', lambda: deque().popleft())
attempt('index10', lambda: q[10])
attempt('index-4', lambda: q[-4])
attempt('str index', lambda: q['a'])
attempt('slice', lambda: q[0:1])
attempt('index value', lambda: q.index(99))
attempt('index range', lambda: q.index(3, 0, 2))
attempt('remove', lambda: q.remove(99))
attempt('maxlen', lambda: deque([1], maxlen=-1))
attempt('maxlen type', lambda: deque([1], maxlen='x'))
attempt('insert full', lambda: deque([1], maxlen=1).insert(0, 2))
attempt('concat', lambda: q + [1])
attempt('hash', lambda: hash(q))
attempt('too many', lambda: deque([1], 2, 3))
attempt('not iterable', lambda: deque(5))
attempt('append args', lambda: q.append())
def setattr_():
    q.foo = 1
attempt('setattr', setattr_)
def mutate():
    for v in q:
        q.append(v)
attempt('mutate', mutate)
def mutate_left():
    for v in q:
        q.appendleft(v)
attempt('mutate left', mutate_left)
attempt('del', lambda: q.__delitem__(50))
print(q)
