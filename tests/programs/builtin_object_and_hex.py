# object() instances, hex() of assorted ints
o = object()
p = object()
print(type(o), o is p, o == o, o == p)
print(isinstance(o, object), isinstance(1, object))
print(hex(0), hex(9), hex(10), hex(15), hex(16), hex(255), hex(256))
print(hex(-1), hex(-4096), hex(65535))
print(hex(2 ** 32), hex(2 ** 62 - 1))
print(hex(3735928559))
values = [1, 100, 1000, 10000]
for v in values:
    print(v, hex(v))
print(hex(int('255')))
print(len(hex(2 ** 62)))
