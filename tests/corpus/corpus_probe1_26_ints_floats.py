big = 2 ** 100
print(big, len(str(big)), big.bit_length(), -big // 3, big % 97)
print(10 ** 30 // 7, 10 ** 30 % 7, divmod(10 ** 25, 12345), -7 // 2, -7 % 2, 7 // -2, 7 % -2)
print(int("ff", 16), int("0b1011", 0), int("777", 8), int("z", 36), int("  42  "), int("-0x1F", 16), int("1_000"))
print(bin(10), oct(64), hex(255), hex(-255), bin(-5), format(10, "b"))
print(int(3.99), int(-3.99), int(True), float("1e3"), float("  -2.5 "), float("inf"), float("-nan"))
print(0.1 + 0.2, 0.1 * 3, 1.1 + 2.2, 3.3 * 3, 1e22, 1e-7, 123456789.123456789, 5e-324, 1.7976931348623157e308)
print(2 ** 0.5, 10 / 3, 9 ** 0.5, (-8) ** (1 / 3), 2 ** -2, 0 ** 0, (-2) ** 3)
print(round(3.14159, 3), round(2.5), round(3.5), round(-1.5), round(1234, -2), round(0.125, 2), round(0.375, 2))
print(7 / 2, 7 // 2, -7 / 2, 7.0 // 2, 7 % 2.5, -7.5 // 2, 2 ** 63, -(2 ** 63))
print(float(2 ** 53) == 2 ** 53 + 1, 2 ** 53 + 1, float(2 ** 53 + 1), int(1e20), int(1.5e16))
print(1 == 1.0, hash(1) == hash(1.0), True + True, True * 10, isinstance(True, int), 3 * "ab")
print(abs(-0.0), -0.0 == 0.0, str(-0.0), 1 / 3 * 3 == 1, float.is_integer(2.0), (2.5).as_integer_ratio())
print(max(1, 2.0), min(-0.0, 0.0), sorted([3, 1.5, True]))
import math
print(math.floor(-2.5), math.ceil(-2.5), math.trunc(-2.5), math.sqrt(2), math.pi, math.e, math.tau)
print(math.factorial(30), math.gcd(48, 180), math.lcm(4, 6), math.comb(10, 3), math.perm(5, 2), math.isqrt(99))
print(math.log(100, 10), math.log2(1024), math.log10(0.001), math.exp(1), math.sin(math.pi / 2), math.cos(0))
print(math.inf > 10 ** 300, -math.inf, math.nan == math.nan, math.isinf(1e308 * 10), math.copysign(3, -0.0))
print(math.prod([1, 2, 3, 4]), math.hypot(3, 4), math.degrees(math.pi), math.radians(180), math.fabs(-3))
print(f"{2**64:,}", f"{-1234567:_}", f"{12345.6789:10.2e}", f"{0.000012345:.3g}", f"{1e100:.0e}")
print(1_000_000 + 1, 0xFF, 0o17, 0b101, 1e3, 1E-2, 12j * 1j, complex(1, 2) * complex(3, -1), abs(3 + 4j))
print((1 + 2j).real, (1 + 2j).imag, (1 + 2j).conjugate(), complex("3+4j"))
print(int.from_bytes(b"\x01\x00", "big"), (1024).to_bytes(2, "little"), (255).to_bytes(1, "big"))
print(7 .bit_count() if hasattr(int, "bit_count") else "n/a", (-1) ** 0.5)
print(factorial_big := math.factorial(50), str(factorial_big)[:10], sum(int(d) for d in str(factorial_big)))
print(10 ** 18 * 10 ** 18, (10 ** 40 + 1) * (10 ** 40 - 1), 3 ** 200 // 3 ** 198, -(10 ** 20) // 7, pow(7, 10 ** 5, 13))
print(float(10 ** 20), float(123456789012345678901234567890), 10 ** 20 / 3, int(float("1e25")))
try:
    int("12.5")
except ValueError as e:
    print(e)
try:
    float("abc")
except ValueError as e:
    print(e)
try:
    1 / 0.0
except ZeroDivisionError as e:
    print(e)
try:
    10 % 0
except ZeroDivisionError as e:
    print(e)
try:
    math.sqrt(-1)
except ValueError as e:
    print(e)
try:
    2.0 ** 10000
except OverflowError as e:
    print(e)
print(int("9" * 50) + 1)
