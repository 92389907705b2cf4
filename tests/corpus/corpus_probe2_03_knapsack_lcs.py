# Dynamic programming classics
from functools import lru_cache

def knapsack(weights, values, cap):
    n = len(weights)
    dp = [[0] * (cap + 1) for _ in range(n + 1)]
    for i in range(1, n + 1):
        w, v = weights[i - 1], values[i - 1]
        for c in range(cap + 1):
            dp[i][c] = dp[i - 1][c]
            if w <= c and dp[i - 1][c - w] + v > dp[i][c]:
                dp[i][c] = dp[i - 1][c - w] + v
    chosen = []
    c = cap
    for i in range(n, 0, -1):
        if dp[i][c] != dp[i - 1][c]:
            chosen.append(i - 1)
            c -= weights[i - 1]
    return dp[n][cap], chosen[::-1]

def lcs(a, b):
    m, n = len(a), len(b)
    L = [[0] * (n + 1) for _ in range(m + 1)]
    for i in range(m):
        for j in range(n):
            L[i + 1][j + 1] = L[i][j] + 1 if a[i] == b[j] else max(L[i][j + 1], L[i + 1][j])
    res = []
    i, j = m, n
    while i and j:
        if a[i - 1] == b[j - 1]:
            res.append(a[i - 1]); i -= 1; j -= 1
        elif L[i - 1][j] >= L[i][j - 1]:
            i -= 1
        else:
            j -= 1
    return "".join(reversed(res))

def edit_distance(s, t):
    prev = list(range(len(t) + 1))
    for i, cs in enumerate(s, 1):
        cur = [i]
        for j, ct in enumerate(t, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (cs != ct)))
        prev = cur
    return prev[-1]

@lru_cache(maxsize=None)
def coin_ways(amount, coins):
    if amount == 0: return 1
    if amount < 0 or not coins: return 0
    return coin_ways(amount - coins[0], coins) + coin_ways(amount, coins[1:])

def lis(seq):
    tails = []
    import bisect
    for x in seq:
        i = bisect.bisect_left(tails, x)
        if i == len(tails): tails.append(x)
        else: tails[i] = x
    return len(tails)

print(knapsack([1, 3, 4, 5], [1, 4, 5, 7], 7))
print(knapsack([10, 20, 30], [60, 100, 120], 50))
print(repr(lcs("AGGTAB", "GXTXAYB")), lcs("ABCBDAB", "BDCABA"))
for a, b in [("kitten", "sitting"), ("flaw", "lawn"), ("", "abc"), ("intention", "execution")]:
    print(f"{a!r:>12} -> {b!r:<12} distance {edit_distance(a, b)}")
print(coin_ways(100, (1, 5, 10, 25, 50)))
print(coin_ways.cache_info())
print(lis([10, 9, 2, 5, 3, 7, 101, 18]), lis([0, 1, 0, 3, 2, 3]))

fib = {0: 0, 1: 1}
def f(n):
    if n not in fib:
        fib[n] = f(n - 1) + f(n - 2)
    return fib[n]
print(f(150))
