class Node:
    pass
head = None
while True:
    n = Node()
    n.next = head
    head = n
