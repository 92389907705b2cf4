from dataclasses import dataclass
from enum import Enum
class Color(Enum):
    RED = 1
    GREEN = 2
@dataclass
class Move:
    dx: int
    dy: int
def f(c):
    match c:
        case Color.RED:
            return "red"
        case Color.GREEN:
            return "green"
print(f(Color.RED), f(Color.GREEN), f(3))
def g(m):
    match m:
        case Move(0, dy):
            return f"vertical {dy}"
        case Move(dx=dx, dy=0):
            return f"horizontal {dx}"
        case Move(a, b):
            return f"diag {a} {b}"
print(g(Move(0, 3)), g(Move(2, 0)), g(Move(1, 1)))
match = 5
print(match)
def match_(x): return x
match_(3)
total = 0
for item in [1, "a", [2, 3], {"k": 4}, 5.0]:
    match item:
        case int(v):
            total += v
            continue
        case str():
            break
    print("after", item)
print(total)
def nested(v):
    match v:
        case [x, [y, z]]:
            match x:
                case 1:
                    return ("one", y, z)
                case _:
                    return ("other", y, z)
    return None
print(nested([1, [2, 3]]), nested([5, [6, 7]]), nested([1, 2]))
def shapes(s):
    match s:
        case {"type": "circle", "r": r}:
            return 3 * r * r
        case {"type": "rect", "w": w, "h": h}:
            return w * h
        case {"type": t}:
            return f"unknown {t}"
print(shapes({"type": "circle", "r": 2}), shapes({"type": "rect", "w": 2, "h": 5}), shapes({"type": "hex"}))
match [1, 2, 3]:
    case [*_, last]:
        print("last", last)
match (1, 2):
    case [a, b] as pair:
        print(pair, a, b)
match "abc":
    case [*chars]:
        print("seq", chars)
    case _:
        print("a str is not a sequence pattern")
match range(3):
    case [0, 1, 2]:
        print("range matched")
