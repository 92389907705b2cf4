import heapq
import bisect

nums = [5, 1, 8, 3, 9, 2, 7]
heap = nums[:]
heapq.heapify(heap)
print(heap, heap[0])
heapq.heappush(heap, 0)
print([heapq.heappop(heap) for _ in range(3)], heap)
print(heapq.nlargest(3, nums), heapq.nsmallest(2, nums), heapq.nlargest(2, ["aa", "b", "cccc"], key=len))
print(heapq.heappushpop(heap, 4), heapq.heapreplace(heap, 10), heap)
print(list(heapq.merge([1, 4, 9], [2, 3, 10], [0])))

class Task:
    def __init__(self, pri, name):
        self.pri, self.name = pri, name
    def __lt__(self, other):
        return self.pri < other.pri
    def __repr__(self):
        return f"Task({self.pri}, {self.name!r})"

pq = []
for p, n in [(3, "write"), (1, "plan"), (2, "code"), (1, "coffee")]:
    heapq.heappush(pq, (p, n))
while pq:
    print(heapq.heappop(pq), end=" ")
print()
tq = []
for t in [Task(5, "e"), Task(1, "a"), Task(3, "c")]:
    heapq.heappush(tq, t)
print(heapq.heappop(tq), tq)

def heapsort(it):
    h = []
    for v in it:
        heapq.heappush(h, v)
    return [heapq.heappop(h) for _ in range(len(h))]
print(heapsort([9, -1, 4, 4, 0]))

scores = [60, 70, 80, 90]
grades = "FDCBA"
def grade(s):
    return grades[bisect.bisect(scores, s)]
print([grade(s) for s in [33, 60, 75, 89, 90, 100]])
arr = [1, 3, 3, 3, 7]
print(bisect.bisect_left(arr, 3), bisect.bisect_right(arr, 3), bisect.bisect_left(arr, 4), bisect.bisect(arr, 0))
bisect.insort(arr, 5); bisect.insort_left(arr, 3)
print(arr)
words = ["apple", "fig", "kiwi"]
bisect.insort(words, "grape")
print(words, bisect.bisect_left(words, "grape"))

def bin_search(a, x):
    lo, hi = 0, len(a) - 1
    steps = 0
    while lo <= hi:
        steps += 1
        mid = (lo + hi) // 2
        if a[mid] == x:
            return mid, steps
        if a[mid] < x:
            lo = mid + 1
        else:
            hi = mid - 1
    return -1, steps
big = list(range(0, 1000, 3))
print(bin_search(big, 300), bin_search(big, 301), bin_search(big, 999))
recs = [(1, "a"), (4, "d"), (9, "i")]
keys = [r[0] for r in recs]
print(recs[bisect.bisect_left(keys, 4)], bisect.bisect(recs, (4, "z")))
print(bisect.bisect_left([10, 20, 30], 25, key=None), bisect.bisect([{"k": 1}, {"k": 5}], 3, key=lambda d: d["k"]))
running = []
for v in [5, 2, 8, 1, 9, 3]:
    bisect.insort(running, v)
    n = len(running)
    med = running[n // 2] if n % 2 else (running[n // 2 - 1] + running[n // 2]) / 2
    print(f"after {v}: median={med}")
heapq.heappop([])
