# set.pop() takes the first active slot from where the last pop stopped
s = {5, 3, 11, 19, 7}
out = []
while s:
    out.append(s.pop())
print(out)
t = set(range(30, 0, -3))
print(t.pop(), t.pop(), t.pop(), t)
t.add(1)
t.add(30)
print(t.pop(), t.pop(), t)
u = {100, 4, 68}
print(u.pop(), u)
u.add(100)
print(u.pop(), u.pop(), u.pop(), u)
try:
    u.pop()
except KeyError as e:
    print('KeyError:', e)
