# A Queue's attributes are CPython's (a deque, a lock, three conditions on
# it): what vars() shows, what holds the items (only q.queue), what one
# Queue() allocates, and what the collector tracks.
import gc
import queue
import sys

gc.collect()
c = [gc.get_count()[0]]
q = queue.Queue()
c.append(gc.get_count()[0])
q2 = queue.Queue()
c.append(gc.get_count()[0])
lq = queue.LifoQueue()
c.append(gc.get_count()[0])
pq = queue.PriorityQueue()
c.append(gc.get_count()[0])
sq = queue.SimpleQueue()
c.append(gc.get_count()[0])
print(c)
print(list(vars(q)), list(vars(q.not_empty)))
print(type(q.mutex), type(q.not_empty), type(q.queue), type(lq.queue), type(pq.queue))
print(q.mutex.locked(), q.not_empty._lock is q.mutex is q.all_tasks_done._lock, len(q.not_full._waiters))
print(gc.is_tracked(q), gc.is_tracked(q.mutex), gc.is_tracked(q.not_empty), gc.is_tracked(sq))
print(sys.getsizeof(q), sys.getsizeof(q.mutex), sys.getsizeof(q.not_empty), sys.getsizeof(sq))
print(sys.getrefcount(q.mutex), sys.getrefcount(q.queue), gc.get_referents(q.mutex))
item = ['payload']
q.put(item)
lq.put(item)
sq.put(item)
print(sys.getrefcount(item), q.queue[0] is item, gc.get_referents(sq)[0] is not None)
print(len(gc.get_referrers(item)))
print(q.get() is item, lq.get() is item, sq.get() is item, sys.getrefcount(item))
print(gc.get_referents(sq))
cycle = queue.Queue()
cycle.put(cycle)
del cycle
print(gc.collect())
