# lesson scenario: a singly linked list of Node instances, traversal, removal and refcounts
import sys


class Node:
    def __init__(self, value):
        self.value = value
        self.next = None

    def __del__(self):
        print('node', self.value, 'freed')


class LinkedList:
    def __init__(self):
        self.head = None
        self.size = 0

    def push_front(self, value):
        node = Node(value)
        node.next = self.head
        self.head = node
        self.size += 1

    def values(self):
        out = []
        cur = self.head
        while cur is not None:
            out.append(cur.value)
            cur = cur.next
        return out

    def remove_after(self, node):
        node.next = node.next.next
        self.size -= 1


ll = LinkedList()
for v in [4, 3, 2, 1]:
    ll.push_front(v)
print('values', ll.values(), 'size', ll.size)
print('head refcount', sys.getrefcount(ll.head))
second = ll.head.next
print('second refcount (held by head.next and a name)', sys.getrefcount(second))
print('removing the node after', second.value)
ll.remove_after(second)
print('values', ll.values(), 'size', ll.size)
del second
print('dropping the head pointer')
ll.head = ll.head.next
print('values', ll.values())
print('deleting the list')
del ll
print('end')
