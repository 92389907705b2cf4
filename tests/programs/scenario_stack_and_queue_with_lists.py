# lesson scenario: a stack and a queue built on lists, sharing the same task objects
import sys


class Task:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print('task', self.name, 'done')


stack = []
queue = []
for name in ['t1', 't2', 't3']:
    t = Task(name)
    stack.append(t)
    queue.append(t)
print('t3 refcount (stack, queue, loop variable)', sys.getrefcount(t))
del t
print('stack pops', stack.pop().name)
print('queue takes', queue.pop(0).name)
print('stack', len(stack), 'queue', len(queue))
while stack:
    top = stack.pop()
    print('popped', top.name, 'refcount', sys.getrefcount(top))
del top
print('stack empty; queue still holds', len(queue))
queue.insert(0, Task('urgent'))
print('clearing queue')
queue.clear()
print('end')
