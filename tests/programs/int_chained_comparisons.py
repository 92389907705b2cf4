# chained comparisons evaluate like a < b and b < c with b computed once
x = 5
print(1 < x < 10)
print(1 < x > 10)
print(0 <= x <= 5 < 6)
print(10 > x >= 5 == 5)
print(1 == 1 == 1, 1 == 1 == 2)
print(1 < 2 < 3 < 4 < 3)
print(x != 4 != 5)
calls = []


def val(n):
    calls.append(n)
    return n


print(val(1) < val(2) < val(3))
print('calls:', calls)
calls.clear()
print(val(3) < val(2) < val(1))
print('short-circuited calls:', calls)
print([1, 2] < [1, 3] <= [1, 3], (1, 2) == (1, 2) != (2, 1))
print(-1 < 0 > -2, 'a' < 'b' < 'c')
