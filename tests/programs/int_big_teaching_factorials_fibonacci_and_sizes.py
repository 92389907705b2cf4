# The big numbers intro courses compute: factorials, Fibonacci, powers; their sizes grow 4 bytes per 30 bits
import sys
def fact(n):
    r = 1
    for i in range(2, n + 1):
        r *= i
    return r
def fib(n):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a
print(fact(30), fib(100))
f = fact(50)
print(f, len(str(f)), sum(int(d) for d in str(f)))
print([sys.getsizeof(2 ** k) for k in (0, 1, 29, 30, 59, 60, 62, 63, 64, 89, 90, 100, 1000)])
print(sys.getsizeof(fact(20)), sys.getsizeof(fact(21)), sys.getsizeof(fib(300)), sys.getsizeof(-2 ** 200))
big = 2 ** 100
alias = big
print(sys.getrefcount(big), big is alias, big == 2 ** 100, big is 2 ** 100 + 0)
nums = [2 ** k for k in range(60, 70)]
print(nums[-1], sys.getrefcount(nums[-1]))
del alias
print(sys.getrefcount(big))
total = 0
for n in nums:
    total += n
print(total, total == 2 ** 70 - 2 ** 60)
