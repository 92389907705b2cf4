import gc

class Tracked:
    alive = []
    def __init__(self, name):
        self.name = name
        Tracked.alive.append(name)
        print(f"+ {name}")
    def __del__(self):
        Tracked.alive.remove(self.name)
        print(f"- {self.name}")

def scope():
    t = Tracked("local")
    print("leaving scope")
scope()
print("after scope")

a = Tracked("a")
b = a
del a
print("a deleted, b still refers:", b.name)
b = None
print("b rebound")

lst = [Tracked(f"item{i}") for i in range(3)]
lst.pop(1)
print("popped")
lst.clear()
print("cleared")

d = {"k": Tracked("dictval")}
d["k"] = Tracked("replacement")
print("replaced")

class Parent:
    def __init__(self):
        self.child = Child(self)
    def __del__(self):
        print("- Parent")
class Child:
    def __init__(self, parent):
        self.parent = parent
    def __del__(self):
        print("- Child")
p = Parent()
del p
print("cycle not yet freed")
n = gc.collect()
print("after collect", n >= 2)

def gen():
    t = Tracked("in-generator")
    try:
        yield 1
        yield 2
    finally:
        print("generator finally")
g = gen()
next(g)
del g
print("generator gone")
try:
    x = Tracked("exception-local")
    raise ValueError("oops")
except ValueError as e:
    print("caught", e)
del x
print("alive:", Tracked.alive)
survivor = Tracked("survivor")
print("end of program")
