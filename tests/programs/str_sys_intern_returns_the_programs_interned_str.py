# sys.intern gives the str already interned under that text (a literal of
# the program, or the one given, which becomes it); an interned str of the
# program's own still dies with its last reference.
import sys
s1 = "hello"
s3 = "".join(["hel", "lo"])
print(s3 is s1, sys.intern(s3) is s1, sys.getrefcount(s1))
a = "".join(["wor", "ld_x"])
b = sys.intern(a)
print(a is b, sys.getrefcount(a))
c = sys.intern("".join(["wor", "ld_x"]))
print(c is a)
del a, b, c
d = sys.intern("".join(["wor", "ld_x"]))
print(sys.getrefcount(d))
def f():
    return "hello"
print(f() is s1, "world_x" is d)
class S(str): pass
try:
    sys.intern(S("x"))
except TypeError as e:
    print(e)
e = "a b c"
print(sys.intern(e) is e)
print(sys.intern("len") is sys.intern("".join(["le", "n"])))
