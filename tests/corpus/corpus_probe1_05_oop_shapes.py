from abc import ABC, abstractmethod
import math

class Shape(ABC):
    count = 0
    def __init__(self, name):
        self.name = name
        Shape.count += 1

    @abstractmethod
    def area(self): ...

    @abstractmethod
    def perimeter(self): ...

    def describe(self):
        return f"{self.name}: area={self.area():.2f}, perimeter={self.perimeter():.2f}"

    def __lt__(self, other):
        return self.area() < other.area()

class Circle(Shape):
    def __init__(self, r):
        super().__init__("Circle")
        self.r = r
    def area(self): return math.pi * self.r ** 2
    def perimeter(self): return 2 * math.pi * self.r

class Rect(Shape):
    def __init__(self, w, h):
        super().__init__("Rectangle")
        self.w, self.h = w, h
    def area(self): return self.w * self.h
    def perimeter(self): return 2 * (self.w + self.h)

class Square(Rect):
    def __init__(self, s):
        super().__init__(s, s)
        self.name = "Square"

shapes = [Circle(1.5), Rect(3, 4), Square(2.5), Circle(0.5)]
for s in sorted(shapes):
    print(s.describe())
print("count:", Shape.count)
print(Square.__mro__)
print(isinstance(shapes[2], Rect), issubclass(Square, Shape), type(shapes[0]).__name__)
print(max(shapes).name, min(shapes, key=lambda s: s.perimeter()).name)

class Bad(Shape):
    def area(self): return 0

try:
    Bad("x")
except TypeError as e:
    print("TypeError:", e)
try:
    Shape("y")
except TypeError as e:
    print("TypeError:", e)
print(Shape.__abstractmethods__ == frozenset({'area', 'perimeter'}))
print(sorted(Bad.__abstractmethods__))
