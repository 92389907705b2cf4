import json

class JSONMixin:
    def to_json(self):
        return json.dumps(self.__dict__, sort_keys=True)

class ReprMixin:
    def __repr__(self):
        fields = ", ".join(f"{k}={v!r}" for k, v in self.__dict__.items())
        return f"{type(self).__name__}({fields})"

class EqMixin:
    def __eq__(self, other):
        return type(self) is type(other) and self.__dict__ == other.__dict__

class Animal:
    def __init__(self, name, sound="..."):
        self.name = name
        self.sound = sound
    def speak(self):
        return f"{self.name} says {self.sound}"

class Dog(ReprMixin, JSONMixin, EqMixin, Animal):
    def __init__(self, name, breed):
        super().__init__(name, "Woof")
        self.breed = breed
    def speak(self):
        return super().speak() + "!"

d = Dog("Rex", "lab")
print(d, d.speak(), d.to_json())
print(d == Dog("Rex", "lab"), d != Dog("Max", "lab"))
print([c.__name__ for c in Dog.__mro__])
try:
    hash(d)
except TypeError as e:
    print("TypeError:", e)
print(Dog.__hash__, EqMixin.__hash__)

class A:
    def hello(self):
        print("A.hello")
class B(A):
    def hello(self):
        print("B.hello")
        super().hello()
class C(A):
    def hello(self):
        print("C.hello")
        super().hello()
class D(B, C):
    def hello(self):
        print("D.hello")
        super().hello()
D().hello()
print([k.__name__ for k in D.mro()])
try:
    class Bad(A, B):
        pass
except TypeError as e:
    print("TypeError:", e)

class Base:
    def __init__(self, **kw):
        print("Base init", sorted(kw))
class Left(Base):
    def __init__(self, left=None, **kw):
        print("Left init", left)
        super().__init__(**kw)
class Right(Base):
    def __init__(self, right=None, **kw):
        print("Right init", right)
        super().__init__(**kw)
class Both(Left, Right):
    pass
Both(left=1, right=2, extra=3)
print(issubclass(Both, Base), isinstance(Both(), (int, Right)))
print(super(B, B()).hello.__qualname__)

class Shape:
    sides = 0
    def __str__(self):
        return f"{type(self).__name__} with {self.sides} sides"
class Triangle(Shape):
    sides = 3
class Square(Shape):
    sides = 4
print(*[str(s) for s in (Triangle(), Square(), Shape())], sep="\n")
print(Triangle.__bases__, Shape.__subclasses__(), Triangle.__base__.__name__)
print(vars(Triangle).get("sides"), "sides" in vars(Triangle()), getattr(Triangle(), "sides"))
