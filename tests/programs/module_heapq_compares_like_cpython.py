# heapq's sift loops compare the same pairs in the same order as CPython's C
# code, holding the same references while __lt__ runs
import heapq
import sys

log = []

class V:
    def __init__(self, v):
        self.v = v
    def __lt__(self, other):
        log.append(f"{self.v}<{other.v}:{sys.getrefcount(self)},{sys.getrefcount(other)}")
        return self.v < other.v
    def __eq__(self, other):
        log.append(f"{self.v}=={other.v}")
        return self.v == other.v
    def __repr__(self):
        return f"V({self.v})"

def flush(label):
    print(label, " ".join(log))
    log.clear()

h = []
for x in [5, 3, 8, 1, 9, 2, 7]:
    heapq.heappush(h, V(x))
flush("push")
print(h)
print(heapq.heappop(h), h)
flush("pop")
print(heapq.heapreplace(h, V(4)), h)
flush("replace")
print(heapq.heappushpop(h, V(0)), heapq.heappushpop(h, V(6)), h)
flush("pushpop")
data = [V(x) for x in [9, 4, 7, 1, 8, 2, 6, 3, 5, 0]]
heapq.heapify(data)
flush("heapify")
print(data)
print([heapq.heappop(data).v for _ in range(len(data))])
flush("drain")
print(heapq.nsmallest(3, [V(x) for x in [5, 1, 4, 2, 3]]))
flush("nsmallest")
print(heapq.nlargest(2, [V(x) for x in [5, 1, 4, 2, 3]]))
flush("nlargest")
print(heapq.nsmallest(2, [V(x) for x in [5, 1, 4]], key=lambda v: -v.v))
flush("nsmallest key")
print(list(heapq.merge([V(1), V(4)], [V(2), V(3)], [V(0)])))
flush("merge")

# plain values
nums = [15, 3, 22, 8, 1, 42, 7, 19, 4]
heapq.heapify(nums)
print(nums, [heapq.heappop(nums) for _ in range(3)], nums)
print(heapq.nlargest(3, [15, 3, 22, 8, 1]), heapq.nsmallest(2, [15, 3, 22, 8, 1]), heapq.nlargest(10, [3, 1, 2]))
print(heapq.nsmallest(1, [4, 2, 9]), heapq.nlargest(1, [], key=abs), heapq.nsmallest(2, iter([9, 8, 7, 6])))
print(heapq.nlargest(2, ["bb", "a", "ccc"], key=len), heapq.nsmallest(2, {"x": 3, "y": 1, "z": 2}.items(), key=lambda kv: kv[1]))
tasks = []
for prio, name in [(3, "write"), (1, "plan"), (2, "code"), (1, "coffee")]:
    heapq.heappush(tasks, (prio, name))
print([heapq.heappop(tasks) for _ in range(len(tasks))])
print(list(heapq.merge([1, 4, 9], [2, 3, 10], [], [0, 11])), list(heapq.merge()), list(heapq.merge([3, 2, 1], [5, 0], reverse=True)))
g = heapq.merge(iter([1, 3]), iter([2]))
print(next(g), next(g), list(g), list(g))
big = list(range(3000, 0, -1))
heapq.heapify(big)
print(big[:10], [heapq.heappop(big) for _ in range(5)])
maxh = [1, 5, 3]
heapq._heapify_max(maxh)
print(maxh, heapq._heappop_max(maxh), heapq._heapreplace_max(maxh, 2), maxh)
