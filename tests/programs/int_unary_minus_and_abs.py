# unary minus, abs and arithmetic mixing negative operands
a = 7
print(-a, --a, -(-a), -(a - 10))
print(abs(-7), abs(7), abs(0), abs(-(2 ** 62)))
print(abs(-3) * -2)
print(-a * -a, -a + -a, -a - -a)
print(3 - 5, 5 - 3, -3 - 5)
print(-(2 ** 62) + 1)
total = 0
for v in [5, -3, 10, -12]:
    total = total + v
print('total', total, abs(total))
print(min(-1, -5), max(-1, -5))
b = -4
b *= -3
print(b)
b -= 20
print(b, abs(b))
