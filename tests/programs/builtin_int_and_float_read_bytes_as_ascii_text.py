# int() and float() read bytes and bytearray as ASCII text; a bad one is quoted as bytes
# (int: its first 200) or as itself (float).
print(int(b'12'), int(bytearray(b'7')), int(b' 42\n'), float(b'1.5'), float(bytearray(b' 2e3 ')), int(b'ff', 16), int(b'0x1f', 0), int(b'1_000'))
for bad in (b'x', bytearray(b'y'), b'1\x002', b'', b'1.5'):
    for f in (int, float):
        try:
            print(f(bad))
        except ValueError as e:
            print(type(e).__name__, e)
try:
    int(3.5, 10)
except TypeError as e:
    print(e)
for empty in (bytearray(), b""):
    try:
        int(empty)
    except ValueError as e:
        print(e)
print(repr(bytearray() % ()), repr(b"" % ()))
