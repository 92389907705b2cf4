# GUI bench: a heap of about 1,000 objects a viewer would draw (instances
# in a chain, small lists, a dict of them, a few cycles), for bench_gui's
# "relayout after a step" (it steps through the end of this program).
import gc

class Node:
    def __init__(self, value, next):
        self.value = value
        self.next = next

nodes = []
head = None
for i in range(400):
    head = Node(i, head)
    nodes.append(head)
pairs = [[i, i + 1] for i in range(400)]
table = {}
for i in range(150):
    table[i] = pairs[i]
for i in range(20):
    a = [i]
    b = [a]
    a.append(b)
a = b = None
x = 0
for i in range(50):
    t = [i]
    nodes[i].value = t
    x = x + len(t)
print(len(nodes), len(pairs), len(table), gc.isenabled())
