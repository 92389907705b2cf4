class A:
    def __iter__(self):
        return iter(A())
list(A())
