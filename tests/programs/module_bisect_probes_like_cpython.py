# bisect probes the same midpoints with the same comparisons as CPython,
# with lo, hi and key; insort inserts where bisect says
import bisect
import sys

log = []

class K:
    def __init__(self, k):
        self.k = k
    def __lt__(self, other):
        log.append(f"{self.k}<{other.k}:{sys.getrefcount(self)}")
        return self.k < other.k
    def __repr__(self):
        return f"K({self.k})"

a = [K(x) for x in [1, 3, 3, 5, 7, 9, 11]]
for fn in [bisect.bisect_left, bisect.bisect_right, bisect.bisect]:
    print(fn.__name__, fn(a, K(3)), " ".join(log))
    log.clear()
print(bisect.bisect_left(a, K(6), 2, 5), bisect.bisect_right(a, K(6), lo=1, hi=None), " ".join(log))
log.clear()
bisect.insort(a, K(4))
bisect.insort_left(a, K(3))
print(a, " ".join(log))
log.clear()

scores = [55, 62, 70, 78, 85, 93]
grades = "FEDCBA"
print([grades[bisect.bisect(scores, s)] for s in [33, 55, 62, 99, 77, 70, 100]])
people = [("ann", 23), ("bob", 31), ("cy", 45)]
print(bisect.bisect_left(people, 31, key=lambda p: p[1]), bisect.bisect_right(people, 31, key=lambda p: p[1]))
bisect.insort(people, ("dee", 40), key=lambda p: p[1])
bisect.insort_right(people, ("eve", 10), key=lambda p: p[1])
print(people)
nums = []
for x in [5, 1, 4, 1, 5, 9, 2, 6]:
    bisect.insort(nums, x)
print(nums, bisect.bisect_left(nums, 5), bisect.bisect_right(nums, 5), bisect.bisect(nums, 0), bisect.bisect(nums, 10))
print(bisect.bisect("aceg", "d"), bisect.bisect((1, 2, 3), 2), bisect.bisect(range(0, 100, 10), 35))

class MyList(list):
    pass

ml = MyList([1, 3])
bisect.insort(ml, 2)
print(ml, type(ml).__name__)
