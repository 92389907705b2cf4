def d(f): return f
@d
@d
def h(): return "x"
print(h())
def tag(name):
    def deco(f):
        def w(*a, **k):
            return name + "(" + str(f(*a, **k)) + ")"
        return w
    return deco
@tag("a")
@tag("b")
@tag("c")
def g(x): return x * 2
print(g(3))
@d
@tag("k")
class C:
    pass
print(C.__name__, C() is not None)
class K:
    @classmethod
    @d
    def cm(cls): return cls.__name__
    @staticmethod
    @tag("s")
    def sm(x): return x
    @property
    @d
    def p(self): return 42
print(K.cm(), K.sm(1), K().p)
def bad(f): raise ValueError("no")
try:
    @d
    @bad
    def z(): pass
except ValueError as e:
    print("ValueError", e)
import sys
def show(f):
    print("count", sys.getrefcount(f))
    return f
@show
@show
def k(): pass
print("count", sys.getrefcount(k))
def outer():
    @show
    @show
    def inner(): pass
    return inner
outer()
