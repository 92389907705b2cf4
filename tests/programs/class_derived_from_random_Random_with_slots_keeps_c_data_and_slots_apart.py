# A class derived from a module type with C data (random.Random) that declares
# __slots__: the slots sit after the generator's state, both survive, and
# a class's own __class_getitem__ answers cls[...] (merge of class and main)
import random, sys
class S(random.Random):
    __slots__ = ("a", "b")
    def __init__(self, seed, a):
        super().__init__(seed)
        self.a = a
        self.b = [self]
s = S(5, "x")
print(s.random() == random.Random(5).random(), s.a, s.b[0] is s, hasattr(s, "__dict__"))
class D(S):
    pass
d = D(3, 4)
d.z = 1
print(d.a, d.z, d.randint(1, 10) == random.Random(3).randint(1, 10), sys.getrefcount(d))
class G:
    def __class_getitem__(cls, item):
        return (cls.__name__, item)
print(G[int], G["x"])
class H(G): pass
print(H[1])
try:
    class Bad(list, random.Random): pass
except TypeError as e:
    print("TypeError:", e)
import gc
del s, d; gc.collect(); print("ok")
