# itemgetter, attrgetter and methodcaller as sort keys and in map(); what
# they hold is visible to sys.getrefcount and gc.get_referents, and a
# cycle through one is collected
import gc
import sys
from operator import itemgetter, attrgetter, methodcaller
import operator

students = [("alice", "B", 90), ("bob", "A", 72), ("carol", "B", 85), ("dave", "A", 90)]
print(sorted(students, key=itemgetter(2)))
print(sorted(students, key=itemgetter(1, 2)))
print(sorted(students, key=itemgetter(2), reverse=True)[0])
print(list(map(itemgetter(0), students)))
print(max(students, key=itemgetter(2)), min(students, key=operator.itemgetter(2, 0)))

class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y
        self.origin = None
    def __repr__(self):
        return f"Point({self.x}, {self.y})"
    def scaled(self, k, offset=0):
        return Point(self.x * k + offset, self.y * k + offset)

pts = [Point(3, 1), Point(1, 2), Point(2, 2), Point(1, 1)]
print(sorted(pts, key=attrgetter("x")), sorted(pts, key=attrgetter("y", "x")))
o = Point(0, 0)
pts[0].origin = o
print(attrgetter("origin.x")(pts[0]), attrgetter("x", "origin")(pts[0]))
print(list(map(methodcaller("scaled", 2), pts)), methodcaller("scaled", 3, offset=1)(pts[1]))
print(list(map(methodcaller("upper"), ["a", "b"])), methodcaller("split", ",")("x,y,z"))

key = [1, 2]
ig = itemgetter(key)
print(ig, sys.getrefcount(key), gc.get_referents(ig), gc.is_tracked(ig))
ig2 = itemgetter(0, key)
print(ig2, gc.get_referents(ig2), sys.getrefcount(key))
del ig, ig2
print(sys.getrefcount(key))
ag = attrgetter("a.b", "c")
print(ag, gc.get_referents(ag))
mc = methodcaller("f", key, k=key)
print(mc, sys.getrefcount(key), len(gc.get_referents(mc)))
del mc
print(sys.getrefcount(key))

# a cycle: the list holds the itemgetter, the itemgetter holds the list
gc.collect()
box = []
g = itemgetter(box)
box.append(g)
del box, g
print(gc.collect())

print(type(itemgetter(1)), type(attrgetter("x")).__name__, type(methodcaller("f")).__module__)
print(operator.itemgetter is itemgetter, isinstance(itemgetter(1), itemgetter))
print(operator.add(2, 3), operator.mul("ab", 3), operator.neg(5), operator.not_(0), operator.lt(1, 2))
print(operator.iadd([1], [2]), operator.concat((1,), (2,)), operator.contains("abc", "b"))
d = {"a": 1}
operator.setitem(d, "b", 2)
operator.delitem(d, "a")
print(d, operator.getitem(d, "b"), operator.index(7), operator.countOf("banana", "a"), operator.indexOf("banana", "n"))
