# // and % round toward negative infinity, so the remainder takes the divisor's sign
print(7 // 2, 7 % 2)
print(-7 // 2, -7 % 2)
print(7 // -2, 7 % -2)
print(-7 // -2, -7 % -2)
print(0 // 5, 0 % 5)
print(6 // 3, -6 // 3, 6 % -3)
print(1 // 10, -1 // 10, -1 % 10)
a = -17
b = 5
print(a // b * b + a % b == a)
print((a // b, a % b))
print(2 ** 62 // 3, 2 ** 62 % 1000)
print(-(2 ** 62) // 7, -(2 ** 62) % 7)
n = 100
n //= 7
print(n)
n %= 4
print(n)
print(-3 % 3, 3 % -3)
