# typing's names import, annotate functions and variables, and print as
# Lib/typing.py prints them; equality, hashing, get_origin/get_args, cast
from typing import (Any, Callable, ClassVar, Dict, Final, FrozenSet, Iterable, Iterator, List, Literal,
                    Mapping, Optional, Sequence, Set, Tuple, Type, Union, TYPE_CHECKING)
import typing


class Node:
    def __init__(self, value: int, next: Optional["Node"] = None) -> None:
        self.value = value
        self.next = next


def total(xs: List[int], scale: float = 1.0) -> float:
    return sum(xs) * scale


def index(words: Iterable[str]) -> Dict[str, List[int]]:
    out: Dict[str, List[int]] = {}
    for i, w in enumerate(words):
        out.setdefault(w, []).append(i)
    return out


count: int = 0
names: List[str] = ["a", "b"]
print(total([1, 2, 3], 2), index("abca"), count, names, TYPE_CHECKING)
print(List, Dict, Set, Tuple, Callable, Iterable, Iterator, Sequence, Mapping, FrozenSet, Type)
print(Any, Optional, Union, ClassVar, Final, Literal)
print(List[int], Dict[str, List[int]], Tuple[int, ...], Tuple[int, str], Set[Node])
print(Optional[int], Optional[Node], Union[int, str], Union[int, None], Union[int, int], Union[int])
print(Callable[[int, str], bool], Callable[..., int], Literal[1, "a"], ClassVar[int], Final[str])
print(List[int] == List[int], List[int] == List[str], Union[int, str] == Union[str, int])
print(hash(List[int]) == hash(List[int]), Optional[int] == Union[int, None])
print(typing.get_origin(List[int]), typing.get_args(Dict[str, int]), typing.get_args(Optional[int]))
print(typing.get_origin(int), typing.get_args(int), typing.get_origin(Union[int, str]) is Union)
print(typing.cast(int, "not checked"), typing.cast("Node", 5))
UserId = typing.NewType("UserId", int)
print(UserId(5), UserId, UserId.__name__)
print(type(List[int]).__name__, type(List).__name__, type(Optional).__name__)
