# sys.getsizeof of a deque: the object and its blocks of 64 items, which
# depend on where the first item sits (appends start mid-block, extend of an
# empty deque at the block's start, extendleft at its end).
import sys
from collections import deque

for n in [0, 1, 30, 31, 32, 33, 63, 64, 65, 128, 200]:
    print(n, sys.getsizeof(deque(range(n))))
d = deque()
for i in range(100):
    d.append(i)
    if i in (0, 31, 32, 95, 96, 99):
        print('append', i, sys.getsizeof(d))
d = deque()
for i in range(100):
    d.appendleft(i)
    if i in (0, 31, 32, 95, 96, 99):
        print('appendleft', i, sys.getsizeof(d))
for i in range(60):
    d.popleft()
print(sys.getsizeof(d), len(d))
for i in range(40):
    d.pop()
print(sys.getsizeof(d), len(d))
e = deque()
e.extendleft(range(70))
print(sys.getsizeof(e))
e.rotate(10)
print(sys.getsizeof(e))
e.rotate(-25)
print(sys.getsizeof(e))
e.clear()
print(sys.getsizeof(e))
print(deque().__sizeof__(), deque(range(64)).__sizeof__())
f = deque([1, 2, 3]) * 30
print(sys.getsizeof(f), len(f))
