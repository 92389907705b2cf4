# Each name of __slots__ gets a member descriptor in the class's __dict__:
# C.x is it, and o.x reads and writes the slot through it.
import sys


class Point:
    __slots__ = ('y', 'x')

    def __init__(self, x, y):
        self.x = x
        self.y = y


print(Point.x)
print(Point.__dict__['y'])
print(type(Point.x), type(Point.__dict__['x']).__name__)
print('x' in Point.__dict__, 'z' in Point.__dict__)
print(list(vars(Point)))
print(Point.x.__name__, Point.x.__qualname__, Point.x.__objclass__ is Point, Point.x.__doc__)
print(hasattr(Point, 'x'), hasattr(Point, 'z'), getattr(Point, 'y') is Point.__dict__['y'])
print(sys.getsizeof(Point.x), Point.x.__sizeof__())

p = Point(1, 2)
print(Point.x.__get__(p), Point.y.__get__(p, Point))
print(Point.x.__get__(None, Point) is Point.x)
Point.x.__set__(p, 10)
print(p.x, p.y)
Point.y.__delete__(p)
print(hasattr(p, 'y'))
try:
    p.y
except AttributeError as e:
    print('AttributeError:', e)
try:
    Point.y.__get__(p)
except AttributeError as e:
    print('AttributeError:', e)
try:
    del p.y
except AttributeError as e:
    print('AttributeError:', e)
try:
    Point.y.__delete__(p)
except AttributeError as e:
    print('AttributeError:', e)
p.y = 3
print(p.x, p.y)

# the descriptor checks the object's class
for call in (lambda: Point.x.__get__(5), lambda: Point.x.__set__('s', 1), lambda: Point.x.__delete__([]),
             lambda: Point.x.__get__(None), lambda: Point.x.__get__(None, None), lambda: Point.x.__get__(),
             lambda: Point.x.__set__(p)):
    try:
        call()
    except TypeError as e:
        print('TypeError:', e)


# a subclass's instances use the base's descriptors; its own slots get their own
class Point3(Point):
    __slots__ = ('z',)


q = Point3(1, 2)
q.z = 3
print(Point3.x is Point.x, Point3.z, 'x' in Point3.__dict__, list(vars(Point3)))
print(Point.x.__get__(q), Point3.z.__get__(q))
try:
    Point3.z.__get__(p)
except TypeError as e:
    print('TypeError:', e)


# __dict__ in __slots__: a class whose objects have both
class Both:
    __slots__ = ('a', '__dict__')


b = Both()
b.a = 1
b.other = 2
print(Both.a, b.a, b.other, [k for k in vars(Both) if k != '__dict__'])


# a class that defines __eq__: __hash__ = None comes after the descriptors
class Eq:
    __slots__ = ('v',)

    def __eq__(self, other):
        return True


print(list(vars(Eq)))


# replacing the descriptor on the class hides the slot
class R:
    __slots__ = ('v',)


r = R()
r.v = 1
R.v = 'shadow'
print(r.v, R.v)
try:
    r.v = 2
except AttributeError as e:
    print('AttributeError:', e)
