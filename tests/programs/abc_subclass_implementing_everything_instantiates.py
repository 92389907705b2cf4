# Implementing every abstract method (anywhere in the subclass chain) makes
# a class concrete; isinstance/issubclass see the ABC in the MRO.
from abc import ABC, ABCMeta, abstractmethod


class Base(ABC):
    @abstractmethod
    def a(self): ...

    @abstractmethod
    def b(self): ...

    def both(self):
        return self.a() + self.b()


class Half(Base):
    def a(self):
        return 1


class Full(Half):
    def b(self):
        return 2


f = Full()
print(f.both(), Full.__abstractmethods__, Half.__abstractmethods__)
print(isinstance(f, Base), isinstance(f, Half), issubclass(Full, Base), issubclass(int, Base))
print(isinstance(3, Base), issubclass(Base, Base), issubclass(bool, (Base, int)))
print(type(Base) is ABCMeta, type(Full).__name__, Full.__mro__)
print([c.__name__ for c in type(Full).__mro__])

# overriding with a non-abstract attribute also counts
class Attr(Base):
    a = 5
    b = None


print(Attr.__abstractmethods__, Attr().a)

# metaclass=ABCMeta directly, without the ABC helper class
class Direct(metaclass=ABCMeta):
    @abstractmethod
    def go(self): ...


class DirectImpl(Direct):
    def go(self):
        return "went"


print(DirectImpl().go(), Direct.__mro__)
try:
    Direct()
except TypeError as e:
    print(e)

# adding an abstract method after class creation changes nothing until
# update_abstractmethods is called
from abc import update_abstractmethods


class Later(ABC):
    pass


def extra(self):
    pass


Later.extra = abstractmethod(extra)
print(Later.__abstractmethods__)
Later()
update_abstractmethods(Later)
print(Later.__abstractmethods__)
try:
    Later()
except TypeError as e:
    print(e)
print(update_abstractmethods(int) is int)
