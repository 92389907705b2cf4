# enum's errors, with CPython's messages.
from enum import Enum, IntEnum


class Color(Enum):
    RED = 1
    GREEN = 2


def attempt(label, fn):
    try:
        print(label, fn())
    except Exception as e:
        print(label, type(e).__name__, e)


attempt("bad value", lambda: Color(7))
attempt("bad value str", lambda: Color("RED"))
attempt("bad name", lambda: Color["PURPLE"])
attempt("reassign", lambda: setattr(Color, "RED", 5))
attempt("delete", lambda: delattr(Color, "RED"))
attempt("new attr", lambda: setattr(Color, "extra", 5) or Color.extra)


def extend():
    class More(Color):
        BLUE = 3


attempt("extend", extend)
attempt("unhashable value", lambda: Color([1]))


class Status(Enum):
    OK = 0
    FAIL = 1

    @classmethod
    def _missing_(cls, value):
        if isinstance(value, str):
            return cls[value.upper()]
        return None


attempt("missing hook", lambda: Status("ok"))
attempt("missing hook none", lambda: Status(5))


class Bad(Enum):
    A = 1

    @classmethod
    def _missing_(cls, value):
        return 42


attempt("missing returns junk", lambda: Bad(3))
attempt("no value", lambda: Color())


class Num(IntEnum):
    ONE = 1


attempt("intenum bad", lambda: Num(2))
attempt("intenum str", lambda: Num("1"))


def set_value():
    Color.RED.value = 5


def del_name():
    del Color.GREEN.name


attempt("set value", set_value)
attempt("del name", del_name)
attempt("member attr", lambda: Color.RED.missing)
