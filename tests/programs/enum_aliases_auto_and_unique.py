# A second name for a value is an alias of the first member; auto() picks
# values; @unique refuses aliases.
from enum import Enum, auto, unique


class Shape(Enum):
    SQUARE = 2
    DIAMOND = 1
    CIRCLE = 3
    ALIAS_FOR_SQUARE = 2


print(Shape.ALIAS_FOR_SQUARE, Shape.ALIAS_FOR_SQUARE is Shape.SQUARE, Shape(2).name)
print(list(Shape), len(Shape))
print(list(Shape.__members__.items()))
print(Shape._member_names_, Shape.__dict__["ALIAS_FOR_SQUARE"])


class Step(Enum):
    FIRST = auto()
    SECOND = auto()
    THIRD = auto()


print(list(Step), [s.value for s in Step])


class Mix(Enum):
    A = 10
    B = auto()
    C = auto()


print(list(Mix))


class Named(Enum):
    def _generate_next_value_(name, start, count, last_values):
        return name.lower() + str(count)

    NORTH = auto()
    SOUTH = auto()


print(list(Named))


@unique
class Fine(Enum):
    ONE = 1
    TWO = 2


print(list(Fine))
try:
    @unique
    class Dup(Enum):
        ONE = 1
        TWO = 2
        UNO = 1
        DOS = 2
except ValueError as e:
    print(e)
