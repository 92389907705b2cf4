# set mutation methods; remove of a missing element raises KeyError, pop of empty too
s = set()
s.add(5)
s.add(5)
s.add(2)
print(s, len(s))
s.discard(9)
s.discard(5)
print(s)
s.update([7, 8], (9,))
print(sorted(s))
s.remove(7)
print(sorted(s))
try:
    s.remove(100)
except KeyError as e:
    print('KeyError', e)
t = s.copy()
t.clear()
print(t, sorted(s))
u = {1}
print(u.pop(), u)
try:
    u.pop()
except KeyError as e:
    print('KeyError:', e)
try:
    {[1]}
except TypeError as e:
    print(e)
try:
    s.add({})
except TypeError as e:
    print(e)
{1, 2}.remove(3)
