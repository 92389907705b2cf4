import gc

gc.collect()
print("enabled:", gc.isenabled())

class Node:
    def __init__(self, name):
        self.name = name
        self.ref = None

def make_cycle():
    a = Node("a")
    b = Node("b")
    a.ref = b
    b.ref = a

gc.disable()
for _ in range(10):
    make_cycle()
print("collected after 10 cycles:", gc.collect())
gc.enable()

def self_ref_list():
    l = []
    l.append(l)
self_ref_list()
print("self-ref list:", gc.collect())

d = {}
d["self"] = d
del d
print("self-ref dict:", gc.collect())

print("nothing to collect:", gc.collect())

class Graph:
    def __init__(self):
        self.nodes = []
g = Graph()
for i in range(5):
    n = Node(i)
    n.ref = g
    g.nodes.append(n)
del g, n
print("graph with back refs:", gc.collect())

x = [1, 2, 3]
print(gc.is_tracked(x), gc.is_tracked(42), gc.is_tracked("s"), gc.is_tracked({}), gc.is_tracked({"a": []}))
print(gc.is_tracked(Node("z")), gc.is_tracked((1, 2)))
print(len(gc.get_threshold()), gc.get_threshold()[0])
gc.set_threshold(500, 5, 5)
print(gc.get_threshold())
gc.set_threshold(700, 10, 10)
print(type(gc.get_count()).__name__, len(gc.get_count()))
print("garbage:", gc.garbage)

class Loud:
    def __init__(self, name):
        self.name = name
        self.other = None
    def __del__(self):
        print(f"  __del__ {self.name}")

def cycle_with_del():
    p = Loud("p")
    q = Loud("q")
    p.other = q
    q.other = p
cycle_with_del()
print("before collect")
n = gc.collect()
print("collected with __del__:", n)
r = gc.get_referents([x, "k"])
print(len(r), r[0] is x)
holder = [x]
print(any(o is holder for o in gc.get_referrers(x)))
gc.freeze(); print(gc.get_freeze_count() > 0); gc.unfreeze()
print(gc.get_freeze_count())
