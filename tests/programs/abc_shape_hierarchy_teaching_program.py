# A teaching program: a Shape hierarchy built on an abstract base class,
# with a registry of shapes, polymorphic calls and what the ABC refuses.
import math
from abc import ABC, abstractmethod


class Shape(ABC):
    count = 0

    def __init__(self, name):
        self.name = name
        Shape.count += 1

    @abstractmethod
    def area(self):
        """Return the area."""

    @abstractmethod
    def perimeter(self):
        """Return the perimeter."""

    def describe(self):
        return f"{self.name}: area={self.area():.2f}, perimeter={self.perimeter():.2f}"

    def __lt__(self, other):
        return self.area() < other.area()


class Circle(Shape):
    def __init__(self, r):
        super().__init__("circle")
        self.r = r

    def area(self):
        return math.pi * self.r ** 2

    def perimeter(self):
        return 2 * math.pi * self.r


class Rectangle(Shape):
    def __init__(self, w, h):
        super().__init__("rectangle")
        self.w, self.h = w, h

    def area(self):
        return self.w * self.h

    def perimeter(self):
        return 2 * (self.w + self.h)


class Square(Rectangle):
    def __init__(self, side):
        super().__init__(side, side)
        self.name = "square"


class Triangle(Shape):
    def __init__(self, a, b, c):
        super().__init__("triangle")
        self.sides = (a, b, c)

    def perimeter(self):
        return sum(self.sides)


shapes = [Circle(1), Rectangle(2, 3), Square(2)]
for s in sorted(shapes):
    print(s.describe())
print("total area:", round(sum(s.area() for s in shapes), 3))
print("shapes made:", Shape.count)
print([type(s).__name__ for s in shapes if isinstance(s, Rectangle)])

try:
    Triangle(3, 4, 5)
except TypeError as e:
    print("error:", e)
print("shapes made:", Shape.count)

try:
    Shape("blob")
except TypeError as e:
    print("error:", e)

print(Square.__mro__)
print(all(isinstance(s, Shape) for s in shapes))
