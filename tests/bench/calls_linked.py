# 3 x 10^5 Python calls (each also runs __init__) building a linked list
# of instances, then a walk over it.
class Node:
    def __init__(self, value, next):
        self.value = value
        self.next = next

def push(head, value):
    return Node(value, head)

head = None
for i in range(300000):
    head = push(head, i)

total = 0
n = head
while n is not None:
    total += n.value
    n = n.next
print(total)
