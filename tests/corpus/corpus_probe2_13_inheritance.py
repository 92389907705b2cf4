class Animal:
    count = 0
    def __init__(self, name, sound="..."):
        self.name = name
        self.sound = sound
        Animal.count += 1

    def speak(self):
        return f"{self.name} says {self.sound}"

    def __repr__(self):
        return f"{type(self).__name__}({self.name!r})"

class Dog(Animal):
    def __init__(self, name, breed):
        super().__init__(name, "Woof")
        self.breed = breed
    def speak(self):
        return super().speak() + "!"
    def fetch(self):
        return f"{self.name} fetches the ball"

class Puppy(Dog):
    def speak(self):
        base = super().speak()
        return base.replace("Woof", "Yip")

class Cat(Animal):
    def __init__(self, name):
        super().__init__(name, "Meow")

class Flyer:
    def move(self):
        return "flies"
class Swimmer:
    def move(self):
        return "swims"
class Duck(Animal, Flyer, Swimmer):
    def __init__(self, name):
        super().__init__(name, "Quack")

zoo = [Dog("Rex", "lab"), Puppy("Bit", "pug"), Cat("Tom"), Duck("Don")]
for a in zoo:
    print(repr(a), "->", a.speak())
print(Animal.count, Dog.count)
print(Puppy.__mro__)
print([c.__name__ for c in Duck.__mro__])
print(Duck("X").move())
print(isinstance(zoo[1], Dog), issubclass(Puppy, Animal), issubclass(Cat, Dog))
print(Dog.__bases__, Puppy.__base__)
print(hasattr(zoo[2], "fetch"), getattr(zoo[0], "breed"), getattr(zoo[2], "breed", None))
print(type(zoo[1]).__qualname__, Dog.speak.__qualname__)

class A:
    def who(self): return "A"
class B(A):
    def who(self): return "B" + super().who()
class C(A):
    def who(self): return "C" + super().who()
class D(B, C):
    def who(self): return "D" + super().who()
print(D().who(), [k.__name__ for k in D.mro()])
try:
    class X(A, B): pass
except TypeError as e:
    print("TypeError:", e)
print(zoo[2].fetch())
