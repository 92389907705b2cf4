# task_done() and join() with the work done; a subclass that overrides
# the _init/_qsize/_put/_get hooks put() and get() call; the mutex is held
# while they run.
import queue

q = queue.Queue()
for job in ('a', 'b', 'c'):
    q.put(job)
print(q.unfinished_tasks)
while not q.empty():
    job = q.get()
    print('doing', job, q.mutex.locked())
    q.task_done()
print(q.unfinished_tasks, q.join())


class Stack(queue.Queue):
    def _init(self, maxsize):
        self.queue = []
        self.log = []

    def _qsize(self):
        return len(self.queue)

    def _put(self, item):
        self.log.append(('put', item, self.mutex.locked()))
        self.queue.append(item)

    def _get(self):
        item = self.queue.pop()
        self.log.append(('get', item))
        return item


s = Stack(maxsize=2)
s.put(1)
s.put(2)
print(s.full(), s.get(), s.get(), s.empty(), s.log)
try:
    s.get_nowait()
except queue.Empty:
    print('Empty')


class Doubler(queue.PriorityQueue):
    def _put(self, item):
        super()._put(item * 2)


d = Doubler()
for n in (5, 1, 3):
    d.put(n)
print([d.get() for _ in range(3)], d.unfinished_tasks)
