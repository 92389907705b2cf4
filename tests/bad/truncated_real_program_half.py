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
            cur = 