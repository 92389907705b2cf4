import heapq
import itertools

class TaskQueue:
    REMOVED = "<removed>"
    def __init__(self):
        self.pq = []
        self.entry_finder = {}
        self.counter = itertools.count()

    def add(self, task, priority=0):
        if task in self.entry_finder:
            self.remove(task)
        count = next(self.counter)
        entry = [priority, count, task]
        self.entry_finder[task] = entry
        heapq.heappush(self.pq, entry)

    def remove(self, task):
        entry = self.entry_finder.pop(task)
        entry[-1] = self.REMOVED

    def pop(self):
        while self.pq:
            priority, count, task = heapq.heappop(self.pq)
            if task is not self.REMOVED:
                del self.entry_finder[task]
                return task, priority
        raise KeyError("pop from an empty priority queue")

tq = TaskQueue()
for name, pr in [("write code", 5), ("release", 7), ("write spec", 1), ("create tests", 3)]:
    tq.add(name, pr)
tq.add("release", 0)
tq.remove("create tests")
out = []
try:
    while True:
        out.append(tq.pop())
except KeyError as e:
    print("done:", e)
print(out)

nums = [5, 7, 9, 1, 3, 8, 2, 6, 4, 0]
h = nums[:]
heapq.heapify(h)
print(h, h[0])
print([heapq.heappop(h) for _ in range(3)], h)
print(heapq.heappushpop(h, -1), heapq.heapreplace(h, 100), h)
print(heapq.nlargest(3, nums), heapq.nsmallest(4, nums))
recs = [{"n": "a", "p": 3.2}, {"n": "b", "p": 1.1}, {"n": "c", "p": 9.9}, {"n": "d", "p": 4.0}]
print(heapq.nlargest(2, recs, key=lambda r: r["p"]))
print(list(heapq.merge([1, 4, 7], [2, 5, 8], [0, 3, 9])))
print(list(heapq.merge(["apple", "fig"], ["kiwi", "banana"], key=len)))

def k_closest(points, k):
    heap = []
    for x, y in points:
        d = -(x * x + y * y)
        if len(heap) < k:
            heapq.heappush(heap, (d, x, y))
        else:
            heapq.heappushpop(heap, (d, x, y))
    return sorted((x, y) for _, x, y in heap)
print(k_closest([(1, 3), (-2, 2), (5, 8), (0, 1), (3, 3)], 2))

def running_median(stream):
    lo, hi = [], []
    res = []
    for x in stream:
        heapq.heappush(lo, -x)
        heapq.heappush(hi, -heapq.heappop(lo))
        if len(hi) > len(lo):
            heapq.heappush(lo, -heapq.heappop(hi))
        res.append(-lo[0] if len(lo) > len(hi) else (-lo[0] + hi[0]) / 2)
    return res
print(running_median([2, 1, 5, 7, 2, 0, 5]))
heapq.heappush(h, "string")
