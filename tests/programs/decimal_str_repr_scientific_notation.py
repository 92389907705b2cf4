# How Decimals print: the to-sci-string rules, and what they keep.
from decimal import Decimal

for s in ['123', '-123', '1.23E+3', '123E+3', '12.3E-5', '0.00000123', '0.000000123',
          '1E-7', '0E+2', '-0', '0.000', '1.000', '100', '1E2', '  5.50\n', '1_000.000_5',
          'NaN', '-nan12', 'sNaN', 'Inf', '-Infinity', '.5', '5.']:
    d = Decimal(s)
    print(repr(s), str(d), repr(d), d.to_eng_string())

d = Decimal('-12.340')
print(d.as_tuple(), d.adjusted(), d.normalize(), d.as_tuple().digits, d.as_tuple().exponent)
print(Decimal((0, (3, 1, 4), -2)), Decimal((1, (1, 0), 3)), Decimal([0, [7], 0]))
print(Decimal(12345678901234567890123456789012345678901234567890))
print(Decimal('1e999999'), Decimal('1.5e-999999'))
print(Decimal('Infinity').as_tuple(), Decimal('NaN').as_tuple())
print(Decimal('7.50').normalize(), Decimal('120.00').normalize(), Decimal('0.000').normalize())
for bad in ['abc', '1.2.3', '', '1e', '--1']:
    try:
        Decimal(bad)
    except Exception as e:
        print(repr(bad), type(e).__name__, e)
