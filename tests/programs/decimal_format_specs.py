# format() and f-strings with Decimals: the common specs.
from decimal import Decimal, localcontext

values = [Decimal('1234.5678'), Decimal('-0.000123'), Decimal('1E+7'), Decimal('0'),
          Decimal('-0.001'), Decimal('Infinity'), Decimal('NaN')]
specs = ['', '.2f', ',', ',.2f', '>12', '<12', '^12', '*^14.3f', 'e', '.3e', 'E', 'g', '.3g',
         '%', '.1%', '+.2f', ' .1f', '010.2f', '=+10.1f', 'z.2f', 'f', '.0f']
for v in values:
    print(str(v).ljust(10), ' | '.join(format(v, s) for s in specs))
amount = Decimal('1999.995')
print(f'{amount:,.2f} {amount:.2e} {amount!r} {amount!s:>10}')
with localcontext() as ctx:
    ctx.rounding = 'ROUND_DOWN'
    print(f'{amount:.2f}')
for bad in ['d', 'x', ',,']:
    try:
        format(amount, bad)
    except ValueError as e:
        print(repr(bad), e)
