class Node:
    __slots__ = ("value", "next")
    def __init__(self, value, next=None):
        self.value = value
        self.next = next

class LinkedList:
    def __init__(self, iterable=()):
        self.head = None
        self._size = 0
        for item in iterable:
            self.append(item)

    def append(self, value):
        node = Node(value)
        if self.head is None:
            self.head = node
        else:
            cur = self.head
            while cur.next:
                cur = cur.next
            cur.next = node
        self._size += 1

    def prepend(self, value):
        self.head = Node(value, self.head)
        self._size += 1

    def __iter__(self):
        cur = self.head
        while cur:
            yield cur.value
            cur = cur.next

    def __len__(self):
        return self._size

    def __repr__(self):
        return "LinkedList([" + ", ".join(repr(v) for v in self) + "])"

    def __str__(self):
        return " -> ".join(str(v) for v in self) + " -> None"

    def __contains__(self, value):
        return any(v == value for v in self)

    def __getitem__(self, idx):
        if idx < 0:
            idx += len(self)
        for i, v in enumerate(self):
            if i == idx:
                return v
        raise IndexError("LinkedList index out of range")

    def reverse(self):
        prev, cur = None, self.head
        while cur:
            cur.next, prev, cur = prev, cur, cur.next
        self.head = prev

    def remove(self, value):
        prev, cur = None, self.head
        while cur:
            if cur.value == value:
                if prev: prev.next = cur.next
                else: self.head = cur.next
                self._size -= 1
                return
            prev, cur = cur, cur.next
        raise ValueError(f"{value!r} not in list")

ll = LinkedList([3, 1, 4, 1, 5])
ll.prepend(9)
print(ll, len(ll))
print(repr(ll))
ll.reverse()
print(list(ll), 4 in ll, 7 in ll, ll[0], ll[-1])
ll.remove(1)
print(ll)
s = LinkedList("abc")
print(repr(s), bool(LinkedList()), sorted(ll))
try:
    ll.remove(42)
except ValueError as e:
    print("error:", e)
print(Node(1).__slots__)
print(ll[10])
