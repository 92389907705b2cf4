import queue

q = queue.LifoQueue(maxsize=1)
q.put_nowait('first')
q.put_nowait('second')
