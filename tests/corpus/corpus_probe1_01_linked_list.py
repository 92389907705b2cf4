class Node:
    def __init__(self, data, next=None):
        self.data = data
        self.next = next

    def __repr__(self):
        return f"Node({self.data!r})"


class LinkedList:
    def __init__(self, iterable=()):
        self.head = None
        self._size = 0
        for item in iterable:
            self.append(item)

    def append(self, data):
        node = Node(data)
        if self.head is None:
            self.head = node
        else:
            cur = self.head
            while cur.next:
                cur = cur.next
            cur.next = node
        self._size += 1

    def prepend(self, data):
        self.head = Node(data, self.head)
        self._size += 1

    def remove(self, data):
        prev, cur = None, self.head
        while cur:
            if cur.data == data:
                if prev:
                    prev.next = cur.next
                else:
                    self.head = cur.next
                self._size -= 1
                return
            prev, cur = cur, cur.next
        raise ValueError(f"{data!r} not in list")

    def reverse(self):
        prev = None
        cur = self.head
        while cur:
            cur.next, prev, cur = prev, cur, cur.next
        self.head = prev

    def __iter__(self):
        cur = self.head
        while cur:
            yield cur.data
            cur = cur.next

    def __len__(self):
        return self._size

    def __repr__(self):
        return " -> ".join(map(str, self)) + " -> None"

    def __contains__(self, x):
        return any(d == x for d in self)


ll = LinkedList([3, 1, 4, 1, 5])
print(ll, len(ll))
ll.prepend(9)
ll.reverse()
print(ll)
ll.remove(1)
print(ll, 4 in ll, 7 in ll)
print(list(ll), ll.head)
try:
    ll.remove(42)
except ValueError as e:
    print("Error:", e)
ll.remove("x")
