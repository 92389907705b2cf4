# IntEnum and StrEnum members are ints and strs: arithmetic, comparisons
# and str()/format() are the data type's (3.11), repr stays the enum's.
from enum import IntEnum, StrEnum, Enum, auto


class Priority(IntEnum):
    LOW = 1
    MEDIUM = 2
    HIGH = 3


print(Priority.HIGH, repr(Priority.HIGH), str(Priority.LOW), f"{Priority.MEDIUM}", format(Priority.HIGH, "03d"))
print(Priority.LOW < Priority.HIGH, Priority.MEDIUM == 2, Priority.HIGH + 1, Priority.LOW * 10, int(Priority.HIGH))
print(sorted([Priority.HIGH, Priority.LOW, Priority.MEDIUM]), max(Priority))
print(isinstance(Priority.LOW, int), Priority(2), [p for p in Priority if p >= 2])
print(["a", "b", "c", "d"][Priority.HIGH], hash(Priority.LOW) == hash(1), {1: "one"}[Priority.LOW])


class Mode(StrEnum):
    READ = auto()
    WRITE = "w"


print(Mode.READ, repr(Mode.READ), Mode.WRITE == "w", Mode.READ.upper(), f"[{Mode.WRITE}]", len(Mode.READ))
print(isinstance(Mode.READ, str), Mode("w"), list(Mode))


class Http(int, Enum):
    OK = 200
    NOT_FOUND = 404


print(Http.OK, repr(Http.NOT_FOUND), Http.OK == 200, Http(404).name, Http.OK + 1)
