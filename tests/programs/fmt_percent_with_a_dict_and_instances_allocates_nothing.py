# '%' formatting allocates no GC object (PyUnicode_Format does not), and
# the mapping form looks keys up with __getitem__; refcounts of the
# arguments are back where they were afterwards.
import gc, sys
gc.disable()
class P:
    def __str__(self): return "P"
    def __repr__(self): return "<P>"
p = P()
d = {"name": "x", "n": 3, "p": p}
def measure(label, f):
    before = gc.get_count()[0]
    f()
    after = gc.get_count()[0]
    print(label, after - before)
measure("single", lambda: "%s!" % p)
measure("dict", lambda: "%(name)s %(n)05d %(p)r" % d)
measure("consts", lambda: "%s-%s" % (1, 2))
lst = [1, 2]
x = "%s and %s" % (lst, d)
print(x, sys.getrefcount(lst), sys.getrefcount(d), sys.getrefcount(p))
print("%s %s" % ("é", ascii("é")), ascii([1, "ü"]), f"{'ü'!a}", "{!a}".format("ü"))
class Row:
    def __init__(self, **kw): self.__dict__.update(kw)
r = Row(a=1, b="two")
print("%(a)d/%(b)s" % vars(r))
print("%(a)d/%(b)s" % r.__dict__)
