# Member access by attribute, value and name; .name/.value; iteration in
# definition order, len, in, reversed; repr, str and format; __members__.
from enum import Enum


class Weekday(Enum):
    MONDAY = 1
    TUESDAY = 2
    WEDNESDAY = 3
    THURSDAY = 4
    FRIDAY = 5

    def is_weekend(self):
        return False

    @property
    def short(self):
        return self.name[:3].title()

    @classmethod
    def first(cls):
        return cls.MONDAY


for day in Weekday:
    print(day, repr(day), day.name, day.value, day.short, day.is_weekend())
print(len(Weekday), list(reversed(Weekday))[0], Weekday.first())
print(Weekday.MONDAY in Weekday, Weekday(3), Weekday["FRIDAY"].value)
print(f"{Weekday.TUESDAY}", "{}".format(Weekday.THURSDAY), format(Weekday.FRIDAY, ">20") + "|", str(Weekday.MONDAY))
print(Weekday, repr(Weekday), type(Weekday).__name__, Weekday.__name__)
print(list(Weekday.__members__), Weekday.__members__["MONDAY"])
print([d.name for d in Weekday if d.value % 2])
print(sorted(Weekday, key=lambda d: -d.value)[:2])
print(dict((d.name, d.value) for d in Weekday))
print(max(Weekday, key=lambda d: d.value))


class Mixed(Enum):
    A = "a"
    B = (1, 2)
    C = None
    D = 2.5


print(list(Mixed), Mixed((1, 2)), Mixed(None), Mixed("a").name)
