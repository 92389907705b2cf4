# single inheritance: inherited methods, overriding, and calling the base method explicitly
class Shape:
    def __init__(self, name):
        self.name = name

    def area(self):
        return 0

    def describe(self):
        return self.name + ' with area ' + str(self.area())


class Rect(Shape):
    def __init__(self, w, h):
        Shape.__init__(self, 'rect')
        self.w = w
        self.h = h

    def area(self):
        return self.w * self.h


class Square(Rect):
    def __init__(self, side):
        Rect.__init__(self, side, side)
        self.name = 'square'

    def describe(self):
        return 'a ' + Rect.describe(self)


shapes = [Shape('blob'), Rect(2, 3), Square(4)]
for s in shapes:
    print(s.describe())
print(isinstance(shapes[2], Rect), isinstance(shapes[1], Square))
print(type(shapes[2]), hasattr(shapes[0], 'w'))
