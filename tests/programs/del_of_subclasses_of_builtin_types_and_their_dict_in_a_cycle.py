import gc
class T(tuple):
    def __del__(self): print("T.__del__", tuple(self))
class L(list):
    def __del__(self): print("L.__del__", list(self))
class D(dict):
    def __del__(self): print("D.__del__")
class I(int):
    def __del__(self): print("I.__del__", int(self))
class S(str):
    def __del__(self): print("S.__del__", str(self))
t = T((1, 2)); del t
l = L([1]); del l
d = D(a=1); del d
i = I(5); del i
s = S("x"); del s
c = L([0]); c.append(c); del c
print("collect", gc.collect())
e = L(); e.me = e; del e
print("collect", gc.collect())
class B(list): pass
b = B(); b.me = b; del b
print("collect", gc.collect())
class E(Exception): pass
x = E(); x.me = x; del x
print("collect", gc.collect())
print("end")
import sys
class P(list): pass
p = P([1, 2])
before = sys.getsizeof(p)
p.tag = "x"
print(sys.getsizeof(p) == before, gc.is_tracked(p.__dict__), p.__dict__)
class Q(Exception): pass
q = Q("m")
q.extra = [1]
print(q.__dict__, gc.get_referents(q).count(q.__dict__))
