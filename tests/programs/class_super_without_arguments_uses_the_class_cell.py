# super() with no arguments finds the class through the __class__ cell the
# compiler gives every method that mentions super or __class__
import gc

class Animal:
    def __init__(self, name):
        self.name = name
    def speak(self):
        return f"{self.name} makes a sound"
    @classmethod
    def create(cls, name):
        return cls(name)
    @staticmethod
    def kind():
        return "animal"

class Dog(Animal):
    def __init__(self, name, breed):
        super().__init__(name)
        self.breed = breed
    def speak(self):
        return super().speak() + " (woof)"
    @classmethod
    def create(cls, name):
        obj = super().create(name + "!") if False else cls(name, "mutt")
        return obj
    def whoami(self):
        return __class__.__name__, type(self).__name__

class Puppy(Dog):
    def speak(self):
        inner = lambda: super(Puppy, self).speak()
        return inner() + " (yip)"
    def cell(self):
        return __class__

d = Dog("Rex", "lab")
print(d.speak(), d.breed, Dog.create("Fido").breed, d.whoami())
p = Puppy("Bit", "pug")
print(p.speak(), p.whoami(), p.cell() is Puppy)
print(Dog.speak.__code__.co_freevars, Animal.speak.__code__.co_freevars)
print(type(Dog.speak.__closure__[0]).__name__, Dog.speak.__closure__[0].cell_contents is Dog)
print(super(Dog, d).speak())
print(super(Dog, Dog).create.__self__ is Dog)
s = super(Dog, d)
print(s.__thisclass__ is Dog, s.__self__ is d, s.__self_class__ is Dog)

# super in a class method and in a nested function
class Base:
    @classmethod
    def make(cls):
        return f"made {cls.__name__}"
class Sub(Base):
    @classmethod
    def make(cls):
        return "Sub:" + super().make()
print(Sub.make())

# errors
def not_a_method():
    return super()
try:
    not_a_method()
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    super(Dog, 5)
except TypeError as e:
    print("TypeError:", e)
try:
    super(5, d)
except TypeError as e:
    print("TypeError:", e)
try:
    super().x
except RuntimeError as e:
    print("RuntimeError:", e)
class NoParent:
    def m(self):
        return super().missing
try:
    NoParent().m()
except AttributeError as e:
    print("AttributeError:", e)
