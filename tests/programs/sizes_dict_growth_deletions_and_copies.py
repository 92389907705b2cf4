# sys.getsizeof(dict) = 64 + the keys table: 16-byte entries while every key is a str, 24 once one is not
import sys

size = sys.getsizeof
print("{}:", size({}), "dict():", size(dict()), "{'a': 1}:", size({'a': 1}), "{1: 1}:", size({1: 1}))

# insertion growth, str keys and int keys: each size change
for name, key in (("str", lambda i: "k" + str(i)), ("int", lambda i: i)):
    d = {}
    prev = size(d)
    changes = []
    for i in range(1, 3000):
        d[key(i)] = i
        if size(d) != prev:
            prev = size(d)
            changes.append((i, prev))
    print(name, "keys:", changes)

# the first non-str key turns a str table into a general one at once
d = {'a': 1, 'b': 2}
before = size(d)
d[1] = 1
print("{'a', 'b'} then d[1] = 1:", before, "->", size(d))
d = {'a': 1}
d[1] = 1
print("{'a'} then d[1] = 1:", size(d))
d = {1: 1}
d['a'] = 2
print("{1} then d['a'] = 2:", size(d))

# deletions never shrink; the next resize is sized by what is left
d = {i: i for i in range(100)}
full = size(d)
for i in range(90):
    del d[i]
print("100 int keys:", full, "after deleting 90:", size(d))
for i in range(1000, 1010):
    d[i] = i
print("then 10 new keys:", size(d))
d = {i: i for i in range(100)}
for i in range(100, 200):
    del d[i - 100]
    d[i] = i
print("100 keys, 100 del+insert cycles:", size(d))
d = {i: i for i in range(5)}
for i in range(4):
    del d[i]
d[100] = 1
print("5 keys, 4 deleted, 1 added (16 slots for 1 to 7 keys):", size(d))
d = {i: i for i in range(5)}
for i in range(5):
    del d[i]
d[100] = 1
print("5 keys, all deleted, 1 added:", size(d))
d = {i: i for i in range(100)}
d.clear()
print("clear:", size(d))
d = {i: i for i in range(10)}
d.popitem()
d.pop(0)
print("popitem, pop:", size(d))

# displays, comprehensions, constructors
a0, a1, a2, a3, a4, a5, a6 = range(100, 107)
print("displays:", size({a0: 1}), size({a0: 1, a1: 2, a2: 3, a3: 4, a4: 5, a5: 6}),
      size({'x': a0, 'y': a1, 'z': a2, 'w': a3, 'v': a4, 'u': a5, 't': a6}))
print("comprehension:", [(n, size({i: i for i in range(n)})) for n in (0, 1, 5, 6, 10, 11, 21, 22, 100)])
print("dict(zip()):", [(n, size(dict(zip(range(n), range(n))))) for n in (0, 1, 5, 6, 11, 100)])
print("dict(pairs):", [(n, size(dict([(i, i) for i in range(n)]))) for n in (0, 1, 5, 6, 11, 100)])
print("dict(a=...):", size(dict(a=1, b=2, c=3, d=4, e=5)), size(dict(a=1, b=2, c=3, d=4, e=5, f=6)))

# copies: a clean table is cloned, a sparse one rebuilt for what is left
for n in (1, 5, 6, 10, 11, 12, 21, 22, 30, 43, 100):
    d = {}
    for i in range(n):
        d[i] = i
    e = {}
    e.update(d)
    print(n, "keys:", size(d), "copy:", size(d.copy()), "dict(d):", size(dict(d)), "{**d}:", size({**d}),
          "update:", size(e), "d | {}:", size(d | {}))
d = {i: i for i in range(100)}
for i in range(80):
    del d[i]
print("100 keys minus 80:", size(d), "copy:", size(d.copy()), "dict(d):", size(dict(d)))
