class A:
    def __del__(self):
        self.next = None
a = None
for i in range(50000):
    b = A()
    b.next = a
    a = b
del a, b
1/0
