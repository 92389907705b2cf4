# ** with negative bases, zero exponents and results up to 2**62 and the 64-bit limit
print(2 ** 10, 2 ** 0, 0 ** 0, 1 ** 100)
print((-2) ** 3, (-2) ** 4, -2 ** 4)
print(2 ** 62)
print(2 ** 62 - 1 + 2 ** 62)
print(-(2 ** 62) - 2 ** 62)
print(3 ** 39)
print(10 ** 18)
print(3037000499 * 3037000499)
print(-3037000499 * 3037000499)
x = 1
i = 0
while i < 62:
    x *= 2
    i += 1
print(x, x == 2 ** 62)
print(9223372036854775807)
print(-9223372036854775807 - 1 + 1)
big = 4611686018427387904
print(big // 2 ** 31, big % 12345)
print(7 ** 22)
