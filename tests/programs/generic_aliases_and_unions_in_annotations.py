def total(xs: list[int], m: dict[str, float] | None = None) -> int | None:
    return sum(xs)
print(total([1, 2]))
print(list[int], dict[str, list[int]], tuple[int, ...], int | str, int | None, type[int], set[str])
print(isinstance(3, int | str), isinstance("a", int | float), issubclass(bool, int | str))
a = list[int]
print(a.__origin__, a.__args__, a([1, 2]), type(a), type(int | str))
print((int | str).__args__, int | str == str | int, (int | int), list[int] == list[int])
print(total.__annotations__)
from typing import Optional, Union, List
print(Optional[int], Union[int, str], List[int])
x: list[str] = []
print(x)
class Stack:
    def __class_getitem__(cls, item):
        return f"Stack of {item}"
print(Stack[int])
try:
    int[3]
except TypeError as e:
    print(e)
