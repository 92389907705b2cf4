# The three queue classes take items out in their orders: first in first
# out, last in first out, lowest first; qsize, empty, full and maxsize,
# and what each keeps its items in.
import queue

for cls in (queue.Queue, queue.LifoQueue, queue.PriorityQueue):
    q = cls()
    for item in (3, 1, 4, 1, 5):
        q.put(item)
    print(cls.__name__, q.qsize(), q.empty(), q.full(), q.maxsize, type(q.queue).__name__, q.queue)
    print([q.get() for _ in range(q.qsize())], q.empty(), q.unfinished_tasks)

pq = queue.PriorityQueue(maxsize=3)
pq.put((2, 'write'))
pq.put((1, 'read'))
pq.put_nowait((3, 'exit'))
print(pq.full(), pq.qsize(), pq.queue)
while not pq.empty():
    priority, task = pq.get_nowait()
    print(priority, task)
lq = queue.LifoQueue(2)
lq.put('a', block=False)
lq.put('b', True, 1.5)
print(lq.full(), lq.get(timeout=0), lq.get(False), lq.empty())
print(queue.Queue(-1).full(), queue.Queue(None).maxsize, queue.Queue(maxsize=0).maxsize)
print(queue.Queue[int], queue.SimpleQueue[str])
print(queue.__all__)
print(queue.Queue, queue.LifoQueue.__mro__, queue.PriorityQueue.__bases__)
print(queue.Queue.__doc__)
