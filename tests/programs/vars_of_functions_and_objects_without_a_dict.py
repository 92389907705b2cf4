def counter():
    counter.calls += 1
    return counter.calls


counter.calls = 0
counter()
counter()
print(vars(counter), counter.__dict__ is vars(counter))


class Point:
    __slots__ = ("x", "y")

    def __init__(self, x, y):
        self.x, self.y = x, y


class Plain:
    def __init__(self):
        self.a = 1


print(vars(Plain()))
for thing in (Point(1, 2), 3, "text", [1]):
    try:
        print(vars(thing))
    except TypeError as e:
        print(type(thing).__name__, "->", e)
