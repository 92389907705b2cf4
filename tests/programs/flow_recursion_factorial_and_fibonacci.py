# recursive functions: factorial, fibonacci, sum of nested lists
def factorial(n):
    if n <= 1:
        return 1
    return n * factorial(n - 1)


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def deep_sum(items):
    total = 0
    for x in items:
        if isinstance(x, list):
            total += deep_sum(x)
        else:
            total += x
    return total


print(factorial(0), factorial(5), factorial(20))
print(fib(20))
print(deep_sum([1, [2, [3, [4]], 5], []]))


def depth(n):
    if n == 0:
        return 0
    return 1 + depth(n - 1)


print(depth(500))
