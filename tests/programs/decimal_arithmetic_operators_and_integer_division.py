# Operators between Decimals and ints; // and % truncate toward zero.
from decimal import Decimal as D

a, b = D('7.5'), D('2')
print(a + b, a - b, a * b, a / b, a // b, a % b, divmod(a, b), a ** 2)
print(a + 1, 1 + a, 10 - a, a * 3, 3 / D(4), 7 // D(2), 2 ** D(10))
print(-a, +a, abs(D('-3.25')), -D('0'), +D('-0'))
print(D(-7) // 2, D(-7) % 2, -7 // 2, -7 % 2, divmod(D(-7), D(2)))
print(D('1.10') * 3, D('1.10') + D('2.2'), D('3.000') / D('1.5'), D(1) / D(4))
print(D(2) ** -2, D('1.5') ** 3, D(10) ** 28, D('1.05') ** 10, pow(D(3), 100, 7))
print(D('12.3456').to_integral_value(), D('-2.5').to_integral_value(), D('2.5').to_integral_exact())
print(int(D('-9.99')), float(D('0.1')), complex(D('2.5')), D('5.0') == 5)
try:
    D(1) + 1.5
except TypeError as e:
    print(e)
print(D(2).max(D(3)), D(2).min(-1), D('-2').copy_abs(), D('3').copy_sign(D(-1)), D('1.5').compare(2))
print(D(1).fma(2, 3), D('10').remainder_near(3), D('1').next_plus(), D('1').next_minus())
