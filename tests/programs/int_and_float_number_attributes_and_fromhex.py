print((5).real, (5).imag, (5).numerator, (5).denominator, (5).conjugate(), (6).as_integer_ratio(), (2.5).real, (2.5).imag, float.fromhex('0x1p-2'))
print(True.real, True.numerator, type(True.real), (2**70).real, (-3).as_integer_ratio(), (2.5).conjugate())
for s in ['0x1.8p3', '-0X1P-1', '  1.fp0  ', 'inf', '-Infinity', 'nan', '0x.8', '1p', 'x1', '0x1p2000', '0x1.0000000000000801p0', '0x1p-1075', '']:
    try:
        print(repr(s), float.fromhex(s))
    except (ValueError, OverflowError) as e:
        print(repr(s), type(e).__name__, e)
class F(float): pass
print(type(F.fromhex('0x1p1')).__name__, (1.0).fromhex('0x2p0'))
try: float.fromhex(3)
except TypeError as e: print(e)
print(float.fromhex((0.1).hex()) == 0.1)
class I(int): pass
print(type(I(4).real).__name__, I(4).denominator)
