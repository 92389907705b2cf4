def describe(x):
    match x:
        case 0:
            return "zero"
        case 1 | 2 | 3:
            return "small"
        case -1:
            return "minus one"
        case "hello":
            return "greeting"
        case None:
            return "nothing"
        case True:
            return "yes"
        case [a]:
            return f"one item {a}"
        case [a, b]:
            return f"pair {a},{b}"
        case [first, *rest]:
            return f"first {first} rest {rest}"
        case {"name": n, "age": age} if age >= 18:
            return f"adult {n}"
        case {"name": n, **others}:
            return f"person {n} {others}"
        case (p, q, r):
            return "never"
        case str() as s:
            return f"string {s!r}"
        case float(f) if f > 1:
            return f"big float {f}"
        case _:
            return "other"
for v in [0, 2, -1, "hello", None, True, [9], (7, 8), [1, 2, 3], {"name": "Ann", "age": 30},
          {"name": "Bo", "age": 3, "x": 1}, "abc", 2.5, 0.5, {1, 2}, (1, 2, 3, 4)]:
    print(repr(v), "->", describe(v))
class Point:
    __match_args__ = ("x", "y")
    def __init__(self, x, y):
        self.x, self.y = x, y
def where(p):
    match p:
        case Point(0, 0):
            return "origin"
        case Point(x=0, y=y):
            return f"on y axis at {y}"
        case Point(x, 0):
            return f"on x axis at {x}"
        case Point(x=x, y=y) if x == y:
            return f"diagonal {x}"
        case Point():
            return "somewhere"
        case _:
            return "not a point"
for p in [Point(0, 0), Point(0, 5), Point(3, 0), Point(2, 2), Point(1, 2), "x"]:
    print(where(p))
def cmd(command):
    match command.split():
        case ["go", direction]:
            return "going " + direction
        case ["drop", *objects]:
            return "dropping " + ", ".join(objects)
        case ["quit" | "exit"]:
            return "bye"
        case _:
            return "unknown: " + command
for c in ["go north", "drop a b c", "quit", "exit", "dance now"]:
    print(cmd(c))
match 5, "x":
    case (5, y):
        print("tuple subject", y)
x = 42
match x:
    case int(n) if n > 40:
        print("big int", n)
print(n)
try:
    match Point(1, 2):
        case Point(1, 2, 3):
            pass
except TypeError as e:
    print(e)
