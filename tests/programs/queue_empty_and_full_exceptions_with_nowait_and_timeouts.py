# Empty and Full: raised by the non-blocking calls and by a timeout that
# passes; a negative timeout is a ValueError, as is one task_done() too
# many.  The exception classes, their modules and MROs.
import queue

print(queue.Empty, queue.Full, queue.Empty.__mro__, queue.Full.__bases__)
print(queue.Empty.__module__, queue.Full.__module__, queue.Empty.__doc__)
q = queue.Queue()
full = queue.Queue(1)
full.put('x')


def show(f):
    try:
        print(repr(f()))
    except (queue.Empty, queue.Full) as e:
        print(type(e).__name__, repr(e), e.args, isinstance(e, Exception))
    except Exception as e:
        print(type(e).__name__ + ':', e)


show(q.get_nowait)
show(lambda: q.get(False))
show(lambda: q.get(block=False, timeout=5))
show(lambda: q.get(timeout=0))
show(lambda: q.get(True, 0.01))
show(lambda: q.get(timeout=-1))
show(lambda: full.put_nowait('y'))
show(lambda: full.put('y', False))
show(lambda: full.put('y', timeout=0))
show(lambda: full.put('y', timeout=-1))
show(lambda: q.put('z', timeout=-1))
show(q.task_done)
show(q.get)
show(lambda: q.get(timeout='soon'))
show(lambda: queue.Queue('x').put(1))
show(lambda: queue.Queue(1, 2))
show(lambda: q.put())
show(lambda: q.get(1, 2, 3))
show(lambda: q.put_nowait(1, 2))
show(lambda: q.qsize(1))
print(q.qsize(), q.unfinished_tasks, full.qsize(), full.unfinished_tasks)
try:
    q.get_nowait()
except queue.Empty:
    print('empty, as expected')
