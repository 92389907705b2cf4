import sys

def factorial(n):
    if n < 0:
        raise ValueError("negative")
    return 1 if n <= 1 else n * factorial(n - 1)

def hanoi(n, src, dst, via, moves):
    if n == 0:
        return
    hanoi(n - 1, src, via, dst, moves)
    moves.append((n, src, dst))
    hanoi(n - 1, via, dst, src, moves)

def flatten(lst):
    out = []
    for item in lst:
        if isinstance(item, (list, tuple)):
            out.extend(flatten(item))
        else:
            out.append(item)
    return out

def power_set(s):
    if not s:
        return [[]]
    rest = power_set(s[1:])
    return rest + [[s[0]] + r for r in rest]

def ackermann(m, n):
    if m == 0: return n + 1
    if n == 0: return ackermann(m - 1, 1)
    return ackermann(m - 1, ackermann(m, n - 1))

def gcd(a, b):
    return a if b == 0 else gcd(b, a % b)

def is_palindrome(s):
    s = "".join(c.lower() for c in s if c.isalnum())
    return len(s) < 2 or (s[0] == s[-1] and is_palindrome(s[1:-1]))

def depth(d):
    if isinstance(d, dict) and d:
        return 1 + max(depth(v) for v in d.values())
    return 0

print(factorial(20), factorial(0), len(str(factorial(100))))
moves = []
hanoi(4, "A", "C", "B", moves)
print(len(moves), moves[:5])
print(flatten([1, [2, [3, [4, (5, 6)]]], 7, []]))
print(power_set([1, 2, 3]))
print(ackermann(2, 3), gcd(1071, 462))
print(is_palindrome("A man, a plan, a canal: Panama"), is_palindrome("hello"))
print(depth({"a": {"b": {"c": 1}}, "d": 2}))
print(sys.getrecursionlimit())

def count_down(n):
    return n if n == 0 else count_down(n - 1)
print(count_down(900))
try:
    count_down(100000)
except RecursionError as e:
    print("RecursionError:", e)
def binary(n):
    return str(n) if n < 2 else binary(n // 2) + str(n % 2)
print([binary(i) for i in (0, 1, 5, 10, 255)])
factorial(-1)
