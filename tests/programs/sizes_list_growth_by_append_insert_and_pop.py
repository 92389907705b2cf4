# sys.getsizeof(list) = 56 + 8 * allocated: CPython's over-allocation, step by step
import sys


def slots(l):
    return (sys.getsizeof(l) - 56) // 8


# append 200 items: print each size change (the length it happens at, the new size)
l = []
prev = sys.getsizeof(l)
print("empty:", prev)
for i in range(200):
    l.append(i)
    s = sys.getsizeof(l)
    if s != prev:
        print("len", len(l), "->", s, "bytes,", slots(l), "slots")
        prev = s

# insert at the front grows the same way
l = []
print("insert(0, x):", [slots(l) for _ in range(20) if l.insert(0, 0) is None])

# pop from 100 appended items: the array shrinks below half
l = []
for i in range(100):
    l.append(i)
prev = slots(l)
for i in range(100):
    l.pop()
    if slots(l) != prev:
        prev = slots(l)
        print("pop: len", len(l), "->", prev, "slots")
print("popped empty:", sys.getsizeof(l))
# a list popped empty still has an array: extend grows it, not preallocates
l.extend([0] * 3)
print("extend after popping empty:", slots(l))

# del l[0] on list(range(100))
l = list(range(100))
prev = slots(l)
while l:
    del l[0]
    if slots(l) != prev:
        prev = slots(l)
        print("del l[0]: len", len(l), "->", prev, "slots")

# clear() and del l[:] let the array go
l = list(range(100))
l.clear()
print("clear:", sys.getsizeof(l))
l = list(range(100))
del l[:]
print("del l[:]:", sys.getsizeof(l))
l = list(range(100))
del l[10:]
print("del l[10:]:", slots(l))
l = list(range(100))
l[:] = [1, 2]
print("l[:] = [1, 2]:", slots(l))
l = list(range(10))
l.remove(0)
print("remove:", slots(l))
l = list(range(10))
del l[::2]
print("del l[::2]:", slots(l))

# extend by chunks
for chunk in (1, 2, 3, 5, 10):
    l = []
    out = []
    for i in range(8):
        l.extend(range(chunk))
        out.append(slots(l))
    print("extend(range(" + str(chunk) + ")) x8:", out)
l = []
out = []
for i in range(8):
    l += [0, 0, 0]
    out.append(slots(l))
print("l += [0, 0, 0] x8:", out)

# comprehensions, list(), sorted()
print("comprehension:", [(n, slots([x for x in range(n)])) for n in (0, 1, 4, 5, 8, 9, 16, 17, 100, 1000)])
print("list(range(n)):", [(n, slots(list(range(n)))) for n in (0, 1, 2, 3, 5, 9, 100, 1001)])
print("list(tuple):", [(n, slots(list(tuple(range(n))))) for n in (0, 1, 3, 9, 100)])
print("list(generator):", [(n, slots(list(x for x in range(n)))) for n in (0, 1, 2, 8, 9, 17, 100)])
print("list(map):", [(n, slots(list(map(str, range(n))))) for n in (0, 1, 3, 8, 9, 100)])
print("list(str), list(dict), list(set):", slots(list("abcde")), slots(list({1: 1, 2: 2, 3: 3})), slots(list({1, 2, 3})))
print("sorted:", slots(sorted(range(9))), slots(sorted(x for x in range(9))), slots(sorted([3, 1, 2])))

# displays: constants are extended from a tuple (even), others built exactly
a = b = c = d = e = 1
print("[a]:", slots([a]), "[a, b, c]:", slots([a, b, c]), "[a, b, c, d, e]:", slots([a, b, c, d, e]))
print("[1]:", slots([1]), "[1, 2]:", slots([1, 2]), "[1, 2, 3]:", slots([1, 2, 3]), "[1, 2, 3, 4, 5]:",
      slots([1, 2, 3, 4, 5]), "['a', 'b', 'c']:", slots(['a', 'b', 'c']))
print("[1, 2, a]:", slots([1, 2, a]), "[*range(5)]:", slots([*range(5)]), "[a, *range(5)]:", slots([a, *range(5)]))
big = [a, a, a, a, a, a, a, a, a, a, a, a, a, a, a, a, a, a, a, a, a, a, a, a, a, a, a, a, a, a, a, a, a]
print("33 names:", slots(big))

# repetition, concatenation, slices and copies are exact
x = list(range(10))
x2 = list(range(7))
print("[0]*n:", [(n, slots([0] * n)) for n in (0, 1, 3, 5, 100)], "[1, 2]*3:", slots([1, 2] * 3))
print("x + x2:", slots(x + x2), "x[:]:", slots(x[:]), "x[2:5]:", slots(x[2:5]), "x[::2]:", slots(x[::2]),
      "x.copy():", slots(x.copy()))
y = list(range(10))
y *= 3
print("y *= 3:", slots(y))
y = [1, 2, 3]
y *= 1
print("y *= 1:", slots(y))
y *= 0
print("y *= 0:", sys.getsizeof(y))
z = [3, 1, 2]
z.sort()
z.reverse()
print("sort and reverse keep the array:", slots(z))
print("split:", sys.getsizeof("a b c".split()), sys.getsizeof("".split()), sys.getsizeof("a,b".split(",", 1)))
print("tuples:", sys.getsizeof(()), sys.getsizeof((1,)), sys.getsizeof((1, 2, 3)), sys.getsizeof(tuple(range(10))))
