from dataclasses import dataclass

@dataclass
class Point:
    x: int
    y: int

@dataclass
class Circle:
    center: Point
    r: float

def where(p):
    match p:
        case Point(x=0, y=0):
            return "origin"
        case Point(x=0, y=y):
            return f"on y-axis at {y}"
        case Point(x=x, y=0):
            return f"on x-axis at {x}"
        case Point(x=x, y=y) if x == y:
            return f"diagonal {x}"
        case Point():
            return "somewhere"
        case _:
            return "not a point"

for p in [Point(0, 0), Point(0, 5), Point(3, 0), Point(2, 2), Point(1, 7), "x"]:
    print(where(p))

def command(cmd):
    match cmd.split():
        case ["go", ("north" | "south" | "east" | "west") as direction]:
            return f"moving {direction}"
        case ["go", other]:
            return f"can't go {other}"
        case ["pick", "up", *items] if items:
            return f"picked {', '.join(items)}"
        case ["quit" | "exit"]:
            return "bye"
        case []:
            return "empty"
        case [verb, *_]:
            return f"unknown verb {verb!r}"

for c in ["go north", "go up", "pick up sword shield", "pick up", "exit", "", "dance wildly"]:
    print(repr(c), "->", command(c))

def handle(event):
    match event:
        case {"type": "click", "pos": (x, y)}:
            return f"click at {x},{y}"
        case {"type": "key", "key": str(k)} if len(k) == 1:
            return f"key {k}"
        case {"type": "key", **rest}:
            return f"special key {rest}"
        case {"type": t}:
            return f"unhandled {t}"
        case int(n) | float(n):
            return f"number {n}"
        case [Circle(center=Point(x=cx), r=r), *more]:
            return f"circles starting at x={cx}, r={r}, {len(more)} more"
        case None:
            return "nothing"
    return "no match"

events = [{"type": "click", "pos": (3, 4)}, {"type": "key", "key": "a"},
          {"type": "key", "key": "Enter", "mod": "shift"}, {"type": "scroll"}, 3.5, 7,
          [Circle(Point(1, 2), 3.0), Circle(Point(0, 0), 1)], None, {"no": "type"}, (1, 2)]
for e in events:
    print(handle(e))

def http(status):
    match status:
        case 200 | 201:
            return "OK"
        case 404:
            return "Not found"
        case n if 500 <= n < 600:
            return "server error"
        case _:
            return "other"
print([http(s) for s in (200, 201, 404, 503, 302)])
match (1, 2, 3):
    case (a, *rest):
        print(a, rest)
match Point(1, 2):
    case Point(1, 2, 3):
        print("too many")
