import weakref
class C(object):
    def __str__(self):
        return "string"
    def __bytes__(self):
        return b"bytes"
class D:
    def __bytes__(self):
        return 5
instance = C()
print("__bytes__" in dir(weakref.proxy(instance)))
print(bytes(weakref.proxy(instance)) == b"bytes", bytes(instance))
try:
    bytes(D())
except TypeError as e:
    print(e)
try:
    bytes(object())
except TypeError as e:
    print(e)
