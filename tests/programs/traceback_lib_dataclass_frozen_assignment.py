from dataclasses import dataclass, FrozenInstanceError
@dataclass(frozen=True)
class P:
    x: int
p = P(1)
try:
    del p.x
except FrozenInstanceError as e:
    print(repr(e))
p.x = 2
