def http_status(code):
    match code:
        case 200 | 201:
            return "OK"
        case 404:
            return "Not Found"
        case int(c) if 500 <= c < 600:
            return "Server Error"
        case _:
            return "Unknown"

for c in (200, 201, 404, 503, 302):
    print(c, http_status(c))

def command(cmd):
    match cmd.split():
        case ["go", direction]:
            return f"moving {direction}"
        case ["take", *items] if items:
            return f"taking {', '.join(items)}"
        case ["quit" | "exit"]:
            return "bye"
        case []:
            return "empty"
        case [verb, *_]:
            return f"unknown verb {verb!r}"

for c in ["go north", "take sword shield", "take", "quit", "", "dance wildly now"]:
    print(repr(c), "->", command(c))

def describe(obj):
    match obj:
        case {"type": "circle", "r": r}:
            return f"circle r={r}"
        case {"type": "rect", **rest}:
            return f"rect {rest}"
        case (x, y):
            return f"pair {x},{y}"
        case [x, y, *others]:
            return f"list with {len(others)} extra"
        case str() as s:
            return f"string {s}"
        case None:
            return "none"
        case float() | int():
            return "number"
        case _:
            return "other"

for o in [{"type": "circle", "r": 2}, {"type": "rect", "w": 1, "h": 2}, (1, 2), [1, 2, 3, 4], "hi", None, 3.5, {1}]:
    print(describe(o))

from dataclasses import dataclass
@dataclass
class Point:
    x: int
    y: int

def where(p):
    match p:
        case Point(x=0, y=0):
            return "origin"
        case Point(x=0, y=yy):
            return f"on y axis at {yy}"
        case Point(x, 0):
            return f"on x axis at {x}"
        case Point():
            return "elsewhere"
for p in [Point(0, 0), Point(0, 5), Point(3, 0), Point(1, 1)]:
    print(where(p))
