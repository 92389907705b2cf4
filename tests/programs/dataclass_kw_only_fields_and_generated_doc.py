# kw_only fields (field(kw_only=True), dataclass(kw_only=True), KW_ONLY)
# come after the positional parameters; a class without a docstring gets
# its signature as __doc__.
from dataclasses import dataclass, field, KW_ONLY, fields
from typing import List, Optional


@dataclass
class A:
    x: int
    y: int = 0
    z: int = field(kw_only=True)
    w: int = field(default=5, kw_only=True)


print(A(1, z=3), A.__match_args__)
for args, kw in [((1, 2, 3), {}), ((1,), {}), ((), {"y": 1})]:
    try:
        A(*args, **kw)
    except TypeError as e:
        print(e)


@dataclass(kw_only=True)
class B:
    a: int
    b: int = 1


print(B(a=1), B.__match_args__)
try:
    B(1)
except TypeError as e:
    print(e)


@dataclass
class C:
    a: int
    _: KW_ONLY
    b: int
    c: int = 2


print(C(1, b=5), C.__match_args__, [f.kw_only for f in fields(C)])
try:
    C(1)
except TypeError as e:
    print(e)


@dataclass
class Both:
    p: int = 0
    q: int = field(kw_only=True)
    r: int = field(kw_only=True)


try:
    Both()
except TypeError as e:
    print(e)
print(A.__doc__)
print(B.__doc__)
print(C.__doc__)


@dataclass
class Documented:
    "my doc"
    x: list = field(default_factory=list)


print(Documented.__doc__)


@dataclass
class Typed:
    items: List[int] = field(default_factory=list)
    label: "str" = "s"
    ratio: float = 1.5
    parent: Optional["Typed"] = None


print(Typed.__doc__)
