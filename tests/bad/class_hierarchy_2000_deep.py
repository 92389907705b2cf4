class A:
    pass
B = A
for i in range(2000):
    class B(B):
        pass
print(len(B.__mro__))
B().missing
