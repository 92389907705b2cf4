# AttributeError on an instance suggests the attribute with a similar name
class Node:
    def __init__(self, value):
        self.value = value
        self.next = None


head = Node(1)
head.next = Node(2)
print('head value', head.value)
print('second value', head.next.value)
print(head.next.valeu)
