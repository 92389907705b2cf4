# TypeVar and Generic classes, and typing's TypeErrors with CPython's messages
from typing import Dict, Generic, List, Optional, Tuple, TypeVar, Union, Callable
import typing

T = TypeVar("T")
K = TypeVar("K", str, float)
N = TypeVar("N", bound=int)
print(T, K, N, T.__name__)


class Stack(Generic[T]):
    def __init__(self) -> None:
        self.items: List[T] = []

    def push(self, item: T) -> None:
        self.items.append(item)

    def pop(self) -> T:
        return self.items.pop()


s = Stack[int]()
s.push(1)
s.push(2)
print(s.pop(), s.items, isinstance(s, Stack), Stack[int])


class Pair(Generic[T, N]):
    pass


print(Pair[str, int], Dict[str, T], List[T])


def attempt(label, f):
    try:
        print(label, f())
    except TypeError as e:
        print(label, "TypeError:", e)


attempt("List[int, str]", lambda: List[int, str])
attempt("Dict[int]", lambda: Dict[int])
attempt("Optional[int, str]", lambda: Optional[int, str])
attempt("Union[]", lambda: Union[()])
attempt("Union[1]", lambda: Union[1])
attempt("Optional()", lambda: Optional())
attempt("List()", lambda: List())
attempt("TypeVar('X', int)", lambda: TypeVar("X", int))
attempt("Callable[int, str]", lambda: Callable[int, str])
attempt("Callable[(int, str), str]", lambda: Callable[(int, str), str])
attempt("Callable[int]", lambda: Callable[int])
attempt("Tuple[int, ...][str]", lambda: Tuple[int, ...][str])
attempt("List[int][str]", lambda: List[int][str])
