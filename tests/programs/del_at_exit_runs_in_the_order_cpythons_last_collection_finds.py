# At exit the module's globals are garbage (a class's methods refer to
# them): the last collection runs each __del__ in the order it finds the
# objects, which depends on how the earlier full collection moved them.
class T:
    def __init__(self, n):
        self.n = n

    def __del__(self):
        print("del", self.n)


items = []
items.append(T("appended 0"))
items.append(T("appended 1"))
squares = [T(i * i) for i in range(3)]
table = {"k": T("in a dict")}
last = T("last")
print("end of the program")
