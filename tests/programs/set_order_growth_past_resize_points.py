# a set starts with 8 slots and grows to the next power of two above 4 * used
# once 3/5 of its slots are filled; the printed order changes at each resize
s = set()
for i in range(0, 200, 7):
    s.add(i)
    if len(s) in (4, 5, 6, 19, 20, 29):
        print(len(s), s)
t = set()
for i in range(40):
    t.add(i * 37 % 101 - 50)
print(t)
big = set(range(0, 3000, 3))
print(len(big), list(big)[:12], list(big)[-5:])
u = set()
for i in range(300):
    u.add(i * 1024)
print(list(u)[:10])
print(set([64, 128, 0, 192, 256]), set([1, 33, 65, 97, 129, 161]))
