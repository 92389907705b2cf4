# Ints past 64 bits: arithmetic, division, bit operations, comparisons and hashing as CPython's unbounded ints
print(2 ** 64, 2 ** 100, -2 ** 63 - 1, 2 ** 63 - 1 + 1, -(-2 ** 63))
print(12345678901234567890 * 98765432109876543210)
print(10 ** 20 // 3, 10 ** 20 % 7, -7 // 2 ** 70, -7 % 2 ** 70, divmod(-2 ** 70, 7), divmod(10 ** 30, -7))
print(2 ** 100 / 3, 1 / 2 ** 80, 2 ** 100 / (2 ** 99 + 1), 2 ** 1100 / 2 ** 1000, 10 ** 30 / 10 ** 29)
for bad in (lambda: 2 ** 1100 / 3, lambda: float(2 ** 1100), lambda: 2 ** 1100 * 1.0, lambda: 10 ** 30 // 0, lambda: 10 ** 30 % 0):
    try:
        print(bad())
    except (OverflowError, ZeroDivisionError) as e:
        print(type(e).__name__, e)
print(float(2 ** 64 + 1), float(2 ** 53 + 1), float(2 ** 54 + 3), float(-2 ** 80), int(1e20), int(-1.5e19), int(2.5e30))
print(~2 ** 70, -2 ** 70 >> 3, 2 ** 70 << 3, 2 ** 70 & -2 ** 65, 2 ** 70 | 5, -2 ** 70 ^ 12345, 1 << 64, (1 << 64) >> 64)
print(pow(3, 200, 10 ** 9 + 7), pow(2 ** 70, 3, 2 ** 65 + 1), pow(-3, 77, 1000), pow(3, -1, 7), pow(2 ** 70, 2, -1000))
print(5 ** 30, (-5) ** 31, 7 ** -2, (2 ** 70) ** -1, 3 ** 3 ** 3 ** 1, (-1) ** (2 ** 70), 0 ** (2 ** 70))
print(2 ** 64 == 2.0 ** 64, 2 ** 64 + 1 > 2.0 ** 64, 2 ** 64 < float('inf'), 2 ** 70 == 2 ** 70, 2 ** 70 != 2 ** 70 + 1)
print(2 ** 1100 > 1e308, -2 ** 1100 < -1e308, 2 ** 70 == float('nan'), 10 ** 30 * 1.5, 1.5 * 10 ** 30, 10 ** 30 + 0.5)
print(hash(2 ** 100), hash(-2 ** 100), hash(2 ** 61 - 1), hash(2 ** 64), hash(-(2 ** 61) - 1))
print({2 ** 70: 'a'}[2 ** 70], 10 ** 30 in {10 ** 30}, 2 ** 64 - 2 ** 64, type(2 ** 64 - 2 ** 64 + 5))
print(bool(2 ** 70), not 2 ** 70, min(2 ** 70, 2 ** 71), max(-2 ** 70, 3), sorted([2 ** 70, -2 ** 70, 0, 2 ** 64]))
print(abs(-2 ** 63), abs(-2 ** 90), -(2 ** 90), +(2 ** 90), round(2 ** 70), round(2 ** 70, -5), round(15 * 10 ** 20, -21), round(25 * 10 ** 20, -21))
print(sum([2 ** 62, 2 ** 62, 2 ** 62]), sum([2 ** 70, -2 ** 70, 1]), sum(range(10 ** 6)) * 10 ** 12)
print((2 ** 64).bit_length(), (-2 ** 100).bit_length(), (2 ** 70).__class__.__name__, isinstance(2 ** 70, int))
