# What teaching programs printed differently: bool's own &, | and ^; a
# class made by type() named with its module; sys's facts about the
# interpreter; bytes.hex with a separator; co_cellvars' order.
import sys

print(True & False, True | False, True ^ True, False ^ True, type(True & True).__name__)
print(True & 1, type(True | 0).__name__, 3 & True, type(False ^ 0).__name__)
flag = True
flag &= False
flag |= True
print(flag, bool.__and__(True, False), True.__or__(False), True.__xor__(True))

Dynamic = type("Dynamic", (), {"x": 1})
print(Dynamic, Dynamic.__module__, Dynamic.x)
Sub = type("Sub", (Dynamic,), {"__module__": "shapes"})
print(Sub, Sub.__mro__)
def factory(name):
    return type(name, (), {})
print(factory("Made"), repr(factory("Other")()).split(" object")[0])

print(sys.byteorder, sys.maxunicode, sys.getdefaultencoding(), sys.getfilesystemencoding())
print(type(sys.path).__name__, sys.path[1:3], sys.executable, sys.prefix)
print(sys.getswitchinterval(), sys.is_finalizing(), sys.api_version, sys.float_repr_style)

print(b"Hello".hex(":"), b"Hello".hex(" ", 2), b"Hello".hex(" ", -2), b"Hello".hex("-", 0), b"".hex(":"))
print(bytearray(b"\x00\xff\x10\x20").hex(b"_", 3), b"abcdef".hex(sep="|", bytes_per_sep=-4), b"abc".hex())
for bad in (("::",), ("é",), (3,), (":", "x"), ([1],)):
    try:
        b"ab".hex(*bad)
    except Exception as e:
        print(type(e).__name__, e)

def make_counter(start=0, step=1):
    count = start
    def counter():
        return count + step
    return counter
print(make_counter.__code__.co_cellvars, make_counter.__code__.co_varnames)
def outer(b, a, *rest, z=1):
    y = x = 1
    def inner():
        return a, b, x, y, z, rest
    return inner
print(outer.__code__.co_cellvars, outer(1, 2).__code__.co_freevars)
