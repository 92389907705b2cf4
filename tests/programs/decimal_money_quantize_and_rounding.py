# Money: two places, a chosen rounding, thousands separators.
from decimal import (Decimal, ROUND_HALF_UP, ROUND_HALF_EVEN, ROUND_DOWN, ROUND_UP,
                     ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_DOWN, ROUND_05UP)

CENT = Decimal('0.01')
price = Decimal('19.99')
qty = 3
subtotal = price * qty
tax = (subtotal * Decimal('0.0825')).quantize(CENT, rounding=ROUND_HALF_UP)
total = subtotal + tax
print(subtotal, tax, total)
print(f'Total: ${total:,.2f}', format(Decimal('1234567.891'), ',.2f'), format(total, '>12'))

modes = [ROUND_HALF_UP, ROUND_HALF_EVEN, ROUND_HALF_DOWN, ROUND_DOWN, ROUND_UP,
         ROUND_CEILING, ROUND_FLOOR, ROUND_05UP]
for value in ['2.675', '2.665', '-2.675', '1.005', '0.125']:
    d = Decimal(value)
    print(value, [str(d.quantize(CENT, rounding=m)) for m in modes])

# banker's rounding is the default, for round() too
print(round(Decimal('2.5')), round(Decimal('3.5')), round(Decimal('2.675'), 2), round(Decimal('1234.5'), -2))
print(Decimal('7.325').quantize(Decimal('0.1')), Decimal('7').quantize(CENT))

# splitting a bill: what is left over
bill = Decimal('100.00')
share = (bill / 3).quantize(CENT, rounding=ROUND_DOWN)
print(share, bill - share * 3)
