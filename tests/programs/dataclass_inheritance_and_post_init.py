# A dataclass derived from a dataclass adds fields after the inherited
# ones (a redefined field keeps its place); __post_init__ and super().
from dataclasses import dataclass, field, fields


@dataclass
class Animal:
    name: str
    sound: str = "..."

    def speak(self):
        return f"{self.name} says {self.sound}"


@dataclass
class Dog(Animal):
    sound: str = "woof"
    tricks: list = field(default_factory=list)

    def __post_init__(self):
        self.name = self.name.title()


d = Dog("rex")
print(d, d.speak(), [f.name for f in fields(d)])
print(isinstance(d, Animal), Dog.__mro__)
print(Dog("a") == Dog("a"), Dog("a") == Animal("A", "woof"))


class Plain(Animal):
    pass


print(Plain("cat"), Plain("cat") == Plain("cat"))


@dataclass
class Base:
    x: int

    def __post_init__(self):
        print("Base post init", self.x)


@dataclass
class Child(Base):
    y: int = 0

    def __post_init__(self):
        super().__post_init__()
        print("Child post init", self.y)


c = Child(1, 2)
print(c, Child.__match_args__)


# a class variable without annotation is not a field; ClassVar neither
from typing import ClassVar


@dataclass
class Config:
    count: ClassVar[int] = 0
    debug = False
    level: int = 1


print(Config(), [f.name for f in fields(Config)], Config.count)


# recursive structures print "..." where they recur
@dataclass
class Node:
    value: int
    children: list = field(default_factory=list)


root = Node(1)
root.children.append(root)
print(root)
