class Student:
    def __init__(self, name, grade, age):
        self.name = name
        self.grade = grade
        self.age = age

    def __eq__(self, other):
        if not isinstance(other, Student):
            return NotImplemented
        return (self.name, self.grade, self.age) == (other.name, other.grade, other.age)

    def __hash__(self):
        return hash((self.name, self.grade, self.age)) & 0  # constant for determinism demo

    def __lt__(self, other):
        return (self.grade, self.name) < (other.grade, other.name)

    def __repr__(self):
        return "Student(%r, %d, %d)" % (self.name, self.grade, self.age)

roster = [Student("Zoe", 90, 20), Student("Adam", 85, 22), Student("Bea", 90, 19),
          Student("Carl", 70, 21), Student("Adam", 85, 22)]
print(sorted(roster))
print(sorted(roster, reverse=True)[:2])
print(min(roster), max(roster))
print(len(set(roster)), roster[1] == roster[4], roster[1] is roster[4])
print(roster.count(Student("Adam", 85, 22)), roster.index(Student("Carl", 70, 21)))
print(Student("a", 1, 1) == "a", Student("a", 1, 1) != 5)
from operator import attrgetter, itemgetter
print([s.name for s in sorted(roster, key=attrgetter("age"))])
print([s.name for s in sorted(roster, key=attrgetter("grade", "age"), reverse=True)])
pairs = [(1, "b"), (2, "a"), (1, "a"), (0, "z")]
print(sorted(pairs, key=itemgetter(1, 0)))
print(sorted(pairs, key=lambda p: -p[0]))

class NoHash:
    def __eq__(self, other):
        return True
print(NoHash.__hash__)
try:
    {NoHash()}
except TypeError as e:
    print("TypeError:", e)

class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __repr__(self):
        return f"P({self.x},{self.y})"
pts = [Point(3, 1), Point(1, 2), Point(2, 2)]
try:
    pts.sort()
except TypeError as e:
    print("TypeError:", e)
pts.sort(key=lambda p: (p.y, -p.x))
print(pts)
print(sorted([3, 1, 2], key=None), sorted("banana"), sorted({"b": 1, "a": 2}))
print(sorted([[2, 1], [1, 9], [1, 2, 0]]))
print(Point(1, 1) < Point(2, 2))
