import functools, copy
def add(a, b, *, scale=1):
    return (a + b) * scale
p = functools.partial(add, [1], scale=2)
p.note = "hi"
q = copy.deepcopy(p)
r = copy.copy(p)
print(q([2]), q.func is add, q.args, q.keywords, q.note, q.args[0] is p.args[0])
print(r.args[0] is p.args[0], r.keywords, r.note)
print(p.__reduce__()[0] is functools.partial, p.__reduce__()[1][0] is add, p.__reduce__()[2][1:3])
s = functools.partial(max)
print(s.__reduce__())
import sys
print(sys.getrefcount(q.args) - 1)
