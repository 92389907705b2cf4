import copy, sys
big = list(range(1500))
print(copy.deepcopy(big)[-1], len(copy.copy(big)))
chain = None
for i in range(1500):
    chain = [chain]
try:
    copy.deepcopy(chain)
except RecursionError as e:
    print("RecursionError")
sys.setrecursionlimit(100000)
c = copy.deepcopy(chain)
n = 0
while c is not None:
    c = c[0]
    n += 1
print(n)
d = {}
for i in range(1000):
    d = {"d": d}
try:
    copy.deepcopy(d)
except RecursionError:
    print("RecursionError")
print(sys.getrecursionlimit())
