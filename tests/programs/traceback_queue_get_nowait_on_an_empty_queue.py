import queue

q = queue.Queue()
q.put('only')
print(q.get_nowait())
item = q.get_nowait()
