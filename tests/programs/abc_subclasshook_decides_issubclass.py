# __subclasshook__: a class method of the ABC that answers True, False
# or NotImplemented for issubclass/isinstance (structural checks).
from abc import ABC, ABCMeta, abstractmethod


class Sized(ABC):
    @abstractmethod
    def __len__(self):
        return 0

    @classmethod
    def __subclasshook__(cls, C):
        if cls is Sized:
            if any("__len__" in B.__dict__ for B in C.__mro__):
                return True
        return NotImplemented


class Bag:
    def __len__(self):
        return 3


class Nothing:
    pass


print(issubclass(Bag, Sized), isinstance(Bag(), Sized), isinstance(Nothing(), Sized))
print(issubclass(list, Sized), issubclass(int, Sized), isinstance("abc", Sized))


class Never(metaclass=ABCMeta):
    @classmethod
    def __subclasshook__(cls, C):
        return False


class Child(Never):
    pass


# the hook wins over the MRO (it is inherited: Child's answer is False too)
print(issubclass(Child, Never), isinstance(Child(), Never), issubclass(Child, Child))


class Bad(ABC):
    @classmethod
    def __subclasshook__(cls, C):
        return 1


try:
    issubclass(int, Bad)
except AssertionError as e:
    print(type(e).__name__, e)

calls = []


class Counting(ABC):
    @classmethod
    def __subclasshook__(cls, C):
        calls.append(C.__name__)
        return NotImplemented


class Sub(Counting):
    pass


print(issubclass(Sub, Counting), issubclass(float, Counting), "float" in calls)
