# a literal's object is held by the code's constants and, while the script
# runs, by the parsed source (CPython 3.11 frees the AST only after the
# module has run): sys.getrefcount of a module-level literal counts both
import sys

s = "hello world!"
print('str literal:', sys.getrefcount(s))
f = 1.5
print('float literal:', sys.getrefcount(f))
n = 123456789012345
print('large int literal:', sys.getrefcount(n))
neg = -2.5
print('negative float (folded):', sys.getrefcount(neg))
t = (1.25, "tuple item!")
print('tuple constant:', sys.getrefcount(t))
print('its float item:', sys.getrefcount(t[0]), 'its str item:', sys.getrefcount(t[1]))
nested = ((7.5, 8), 9)
print('inner folded tuple:', sys.getrefcount(nested[0]))
print('literal passed directly:', sys.getrefcount("some constant string"))
print('float passed directly:', sys.getrefcount(6.25))

# the same value written twice is one object: one more code reference,
# and still one from the parsed source
a = "written twice!"
b = "written twice!"
print('written twice:', sys.getrefcount(a), a is b)
item = "ab c"
pair = ("ab c", 1)
print('alone, then in a tuple:', sys.getrefcount(item), item is pair[0])

# a name rebound drops only its own reference
s2 = s
print('two names:', sys.getrefcount(s))
del s2
print('back to one name:', sys.getrefcount(s))
l = [1, 2]
holder = [s, s]
print('held twice by a list:', sys.getrefcount(s))
del holder
print('list gone:', sys.getrefcount(s))

# values made at run time are held by no constant
built = " ".join(["hello", "world!"])
print('built at run time:', sys.getrefcount(built), built == s)
x = 10
half = x / 4
print('computed float:', sys.getrefcount(half))
tb = (1, 2, [3][0])
print('tuple built at run time:', sys.getrefcount(tb))
part = f"{x} items here"
print('f-string result:', sys.getrefcount(part))
