import copy, sys
l = []
for i in range(2000):
    l = [l]
try:
    copy.deepcopy(l)
except RecursionError as e:
    print("RE", e)
def depth(n):
    x = []
    for i in range(n): x = [x]
    return x
for n in (480, 490, 495, 496, 497, 498, 499, 500):
    try:
        copy.deepcopy(depth(n)); print(n, "ok")
    except RecursionError:
        print(n, "RE")
class A: pass
def chain(n):
    a = A()
    for i in range(n):
        b = A(); b.next = a; a = b
    return a
for n in (240, 245, 246, 247, 248, 249, 250):
    try:
        copy.deepcopy(chain(n)); print(n, "ok")
    except RecursionError:
        print(n, "RE")
print(copy.copy(1), copy.deepcopy((1, 2)) )
t = (1, [2])
print(copy.deepcopy(t) is t, copy.copy(t) is t)
t2 = (1, 2)
print(copy.deepcopy(t2) is t2)
try:
    copy.copy(x for x in [])
except TypeError as e:
    print(e)
try:
    copy.deepcopy(sys)
except TypeError as e:
    print(e)
