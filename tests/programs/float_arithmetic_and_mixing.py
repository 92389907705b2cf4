# float arithmetic, true division, floor division and modulo signs, int/float mixing
print(7 / 2, -7 / 2, 6 / 3, type(6 / 3).__name__)
print(7.5 // 2, -7.5 // 2, 7.5 % 2, -7.5 % 2, 7 % -2.5)
print(2 ** -1, 2.0 ** 3, (-8) ** 2.0, 4 ** 0.5)
print(1 + 2.0, 3 * 0.5, 10 - 0.25, abs(-3.5), -(-1.25))
print(0.1 + 0.7, 3 * 0.1 == 0.3, abs(3 * 0.1 - 0.3) < 1e-9)
print(int(3.99), int(-3.99), float(3), int(1e10))
print(max(1, 2.0, 1.5), min(0.5, 1), sum([0.1] * 10), sum([1, 2.5]))
print(1.0 == 1, 1.5 > 1, 2 < 2.5, 0.1 + 0.2 > 0.3, float('nan') == float('nan'))
print(divmod(7, 2), divmod(-7.5, 2), divmod(7, -2))
x = 1.0
for _ in range(5):
    x = x * 1.5 + 0.1
print(x)
print(1e308 * 10, -1e308 * 10, 1e-320 / 1e10)
print(round(3.14159, 2), round(1234.5678, -2), round(7.0), type(round(7.5)).__name__)
print((0.1).is_integer(), (2.0).is_integer(), (2.5).as_integer_ratio())
try:
    2.0 ** 10000
except OverflowError as e:
    print('OverflowError:', e)
