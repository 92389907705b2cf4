class Tracked:
    instances = 0
    def __init__(self, name):
        self.name = name
        Tracked.instances += 1
        print(f"create {name}")
    def __del__(self):
        Tracked.instances -= 1
        print(f"destroy {self.name}")

def scope():
    a = Tracked("local-a")
    b = Tracked("local-b")
    print("leaving scope")
scope()
print("after scope, instances =", Tracked.instances)

x = Tracked("x")
y = x
del x
print("del x done (y still refers)")
y = Tracked("y2")
print("rebound y")

lst = [Tracked(f"item{i}") for i in range(3)]
print("clearing list")
lst.clear()
print("list cleared")

d = {"one": Tracked("d1"), "two": Tracked("d2")}
d["one"] = None
print("replaced d['one']")
del d
print("deleted dict")

def make():
    return Tracked("temp")
make()
print("temporary discarded")
print(make().name)
print("---")

class Container:
    def __init__(self):
        self.parts = [Tracked("partA"), Tracked("partB")]
    def __del__(self):
        print("destroy Container")
c = Container()
del c
print("container gone")

class Resurrect:
    saved = []
    def __del__(self):
        print("resurrecting")
        Resurrect.saved.append(self)
r = Resurrect()
del r
print(len(Resurrect.saved))
Resurrect.saved.clear()
print("cleared saved (no second __del__)")
t = Tracked("tuple-member")
tup = (t, t)
del t
print("del t")
del tup
print("del tup")
z = Tracked("z")
z2 = Tracked("z2")
print("end of program, instances =", Tracked.instances)
