# removing an element leaves a dummy slot; an added element takes the last
# dummy its probe passed, and enough deletions make the table rebuild
s = {0, 8, 16}
s.discard(0)
s.add(24)
print(s)
s = {0, 8, 16}
s.discard(0)
s.discard(8)
s.add(24)
s.add(32)
print(s)
t = set(range(20))
for i in range(0, 20, 2):
    t.remove(i)
print(t)
for i in range(100, 110):
    t.add(i)
print(t)
t.difference_update(range(100, 105))
print(t)
u = set(range(50))
u -= set(range(10, 45))
print(u)
u.update([200, 8, 72])
print(u)
v = {1, 2, 3}
v.clear()
v.add(9)
v.add(1)
print(v)
