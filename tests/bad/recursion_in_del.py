# CPython 3.11 loops for ever here: each __del__ makes the next A, freed at
# once (the trashcan keeps the C stack flat); the event limit stops it.
class A:
    def __del__(self):
        A()
A()
1/0
