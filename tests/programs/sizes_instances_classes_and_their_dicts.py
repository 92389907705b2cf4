# instances are 56 bytes whatever they hold; their __dict__ shares the class's keys, and its size
# counts the room left in them, which each new instance of the class takes a place of
import sys

size = sys.getsizeof


class Empty:
    pass


class Point:
    def __init__(self, x, y, z):
        self.x = x
        self.y = y
        self.z = z


e = Empty()
print("instance:", size(e), "class:", size(Empty), size(Point), "built-in type:", size(int), size(type))
print("first instance's __dict__:", size(e.__dict__), "instance still:", size(e))
ps = [Point(1, 2, 3)]
d0 = ps[0].__dict__
first = size(d0)
for i in range(40):
    ps.append(Point(i, i, i))
print("Point's first __dict__:", first, "after 40 more instances:", size(d0), size(ps[5].__dict__), size(vars(ps[-1])))


class V:
    pass


vs = []
out = []
for i in range(35):
    v = V()
    vs.append(v)
    out.append(size(v.__dict__))
print("each new V's __dict__:", out)


class Wide:
    def __init__(self):
        for i in range(35):
            setattr(self, 'a' + str(i), i)


w = Wide()
print("35 attributes (the shared keys are full):", size(w), size(w.__dict__))


class XY:
    def __init__(self):
        self.p = 1
        self.q = 2


x = XY()
dx = x.__dict__
steps = [size(dx)]
x.r = 3
steps.append(size(dx))
dx['s'] = 4
steps.append(size(dx))
del x.p
steps.append(size(dx))
dx[1] = 1
steps.append(size(dx))
print("a materialised __dict__ growing, a non-str key:", steps)
x2 = XY()
print("copy of a split dict:", size(vars(x2).copy()), "dict(vars()):", size(dict(vars(x2))))
x3 = XY()
d3 = x3.__dict__
d3.clear()
print("clear:", size(d3))


class E(Exception):
    pass


class E2(E):
    pass


print("exception classes:", size(E), size(E2), "instances:", size(E()), size(E2('x')))


class Sub(Point):
    pass


class Sub2(Sub):
    pass


print("subclasses:", size(Sub), size(Sub2), size(Sub(1, 2, 3)), size(Sub(4, 5, 6).__dict__))
