class A:
    def __del__(self):
        A()
A()
1/0
