# abstractmethod under property, classmethod and staticmethod: the
# descriptor reports __isabstractmethod__, the ABC lists it.
from abc import ABC, abstractmethod


class Animal(ABC):
    @property
    @abstractmethod
    def sound(self):
        pass

    @classmethod
    @abstractmethod
    def create(cls):
        pass

    @staticmethod
    @abstractmethod
    def kingdom():
        pass

    def speak(self):
        return f"{type(self).__name__} says {self.sound}"


print(sorted(Animal.__abstractmethods__))
print(Animal.__dict__["sound"].__isabstractmethod__)
print(Animal.__dict__["create"].__isabstractmethod__, Animal.__dict__["kingdom"].__isabstractmethod__)
try:
    Animal()
except TypeError as e:
    print(e)


class Dog(Animal):
    @property
    def sound(self):
        return "woof"

    @classmethod
    def create(cls):
        return cls()

    @staticmethod
    def kingdom():
        return "animalia"


d = Dog.create()
print(d.speak(), Dog.kingdom(), Dog.__abstractmethods__)


class Cat(Animal):
    sound = "meow"


try:
    Cat()
except TypeError as e:
    print(e)

# a property with an abstract setter only
class Box(ABC):
    def get(self):
        return 1

    @abstractmethod
    def set(self, v):
        pass

    value = property(get, set)


print(sorted(Box.__abstractmethods__), Box.__dict__["value"].__isabstractmethod__)
