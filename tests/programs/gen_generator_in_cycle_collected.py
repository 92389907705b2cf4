# a suspended generator whose frame refers back to it is a cycle the collector frees (finally runs)
import gc

gc.collect()


class Box:
    pass


def looper(box):
    try:
        while True:
            yield box
    finally:
        print('generator finally ran')


b = Box()
b.gen = looper(b)
print(next(b.gen) is b)
del b
print('collected:', gc.collect())
c = Box()
c.gen = looper(c)
del c
print('never started, collected:', gc.collect())
done = looper(None)
done.close()
cycle = [done]
cycle.append(cycle)
del done, cycle
print('list cycle holding a closed generator:', gc.collect())
print('nothing left:', gc.collect())
