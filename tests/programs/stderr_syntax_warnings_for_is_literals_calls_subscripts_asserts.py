x = 5
if x is 5:
    print("five")
print(x is not "a")
y = [1, 2]
try:
    5()
except TypeError as e:
    print(e)
assert (x, "msg")
print([(1, 2) (3, 4)] if False else 0)
def f(x):
    return x is () or x is not -1 or x is None or x is ... or x is True
print(f(3))
grid = [[1, 2], [3, 4]]
try:
    print([1, 2][0, 1])
except TypeError as e:
    print(e)
try:
    print("abc"["x"])
except TypeError as e:
    print(e)
try:
    print(5[0])
except TypeError as e:
    print(e)
print([1, 2][0], "ab"[1:], (1, 2)[True], [x for x in (1, 2)][1])
try:
    None()
except TypeError as e:
    print(e)
try:
    f"{1}"()
except TypeError as e:
    print(e)
if 1 == 1 is 1: pass
