import bisect

def binary_search(arr, target):
    lo, hi = 0, len(arr) - 1
    steps = 0
    while lo <= hi:
        steps += 1
        mid = (lo + hi) // 2
        if arr[mid] == target:
            return mid, steps
        elif arr[mid] < target:
            lo = mid + 1
        else:
            hi = mid - 1
    return -1, steps

def bs_recursive(arr, target, lo=0, hi=None):
    if hi is None:
        hi = len(arr) - 1
    if lo > hi:
        return -1
    mid = (lo + hi) // 2
    if arr[mid] == target:
        return mid
    if arr[mid] < target:
        return bs_recursive(arr, target, mid + 1, hi)
    return bs_recursive(arr, target, lo, mid - 1)

nums = list(range(0, 200, 7))
for t in (0, 49, 50, 196, 197, -1):
    idx, steps = binary_search(nums, t)
    print(f"search {t:4d}: index={idx:3d} steps={steps} rec={bs_recursive(nums, t)}")

grades = [60, 70, 80, 90]
letters = "FDCBA"
def grade(score):
    return letters[bisect.bisect(grades, score)]
print([grade(s) for s in [33, 99, 77, 70, 89, 90, 100, 60]])

sorted_list = []
for x in [5, 1, 4, 1, 5, 9, 2, 6, 5, 3]:
    bisect.insort(sorted_list, x)
print(sorted_list)
print(bisect.bisect_left(sorted_list, 5), bisect.bisect_right(sorted_list, 5))

def sqrt_int(n):
    lo, hi = 0, n
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if mid * mid <= n:
            lo = mid
        else:
            hi = mid - 1
    return lo
print([sqrt_int(n) for n in [0, 1, 2, 15, 16, 17, 10**12, 2**61]])

def first_true(lo, hi, pred):
    while lo < hi:
        mid = lo + (hi - lo) // 2
        if pred(mid):
            hi = mid
        else:
            lo = mid + 1
    return lo
print(first_true(0, 1000, lambda k: k * k * k > 5000))
print(bisect.bisect(nums, 100, lo=3, hi=10))
items = [("a", 3), ("b", 7), ("c", 12)]
print(bisect.bisect_left(items, 7, key=lambda p: p[1]))
