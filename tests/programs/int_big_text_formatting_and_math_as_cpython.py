# Ints past 64 bits as text (str, repr, int(), %, format, hex/oct/bin, json) and in math's integer functions
import json
import math
x = 2 ** 70
print(repr(2 ** 64), str(-2 ** 64), hex(x), oct(-x), bin(2 ** 65), hex(-2 ** 64))
print(int("123456789012345678901234567890"), int("  -12_345_678_901_234_567_890  "), int("0x1" + "0" * 20, 0), int("1" * 70, 2), int("z" * 20, 36))
for bad in ("12345678901234567890x", "1__2345678901234567890", "0x" + "f" * 20):
    try:
        print(int(bad))
    except ValueError as e:
        print(e)
print("%d|%5d|%-30x|%#o|%.40d|%X|%s|%r" % (x, 2 ** 64, x, 2 ** 66, 2 ** 64, x, x, -x))
print(f"{x:,}", f"{x:x}", f"{-x:#b}", f"{x:>40}|", f"{2 ** 80:_}", f"{2 ** 80:e}", f"{-2 ** 80:+,d}", f"{x:#X}", f"{x:.3f}")
print("{:040d}".format(x), "{:^50,}".format(-x), format(2 ** 64, "n"))
print(json.dumps([2 ** 70, -2 ** 65, {"k": 10 ** 25}]), json.loads("123456789012345678901234567890"), json.loads("[-98765432109876543210]"))
print(math.factorial(25), math.factorial(50))
print(math.comb(60, 30), math.comb(100, 50), math.perm(30, 20), math.perm(25))
print(math.gcd(2 ** 80, 6 ** 40), math.gcd(10 ** 30, 10 ** 20, 15), math.lcm(2 ** 40, 3 ** 30), math.lcm(2 ** 63, 3))
print(math.isqrt(10 ** 40), math.isqrt(2 ** 127), math.sqrt(10 ** 40), math.floor(1e25), math.ceil(-1e25), math.trunc(1e22))
print(math.log(2 ** 100), math.log10(10 ** 50), math.log2(2 ** 200), math.log(10 ** 400), math.log(2 ** 100, 2))
try:
    str(10 ** 5000)
except ValueError as e:
    print(e)
try:
    int("1" * 5000)
except ValueError as e:
    print(e)
print(len(str(10 ** 4000)), len(hex(10 ** 5000)))
