# Classes derived from Queue that override __init__, put and _put and call
# the originals through super(); a queue holding a dict that holds it is a
# cycle the collector frees (the queue with its lock, conditions, deques).
import queue, gc, sys
class Bounded(queue.Queue):
    def __init__(self, n):
        super().__init__(maxsize=n)
        self.puts = 0
    def put(self, item, block=True, timeout=None):
        self.puts += 1
        super().put(item, block, timeout)
b = Bounded(2)
b.put(1); b.put_nowait(2)
try:
    b.put_nowait(3)
except queue.Full:
    print('full', b.puts, b.qsize())
print(vars(b).keys())
print(b.get(), b.get_nowait(), b.empty())
class Tracked(queue.Queue):
    def _put(self, item):
        print('put', item, self.mutex.locked())
        super()._put(item)
t = Tracked()
t.put('x')
print(t.get(), t.mutex.locked())
q = queue.PriorityQueue()
for item in [(3, 'c'), (1, 'a'), (2, 'b')]:
    q.put(item)
print(q.queue, [q.get()[1] for _ in range(3)])
print(isinstance(b, queue.Queue), issubclass(queue.LifoQueue, queue.Queue))
print(sys.getrefcount(queue.Queue) > 2)
d = {'q': queue.Queue()}
d['q'].put(d)
del d
print(gc.collect())
