import json
class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y
class PointEncoder(json.JSONEncoder):
    def default(self, o):
        if isinstance(o, Point):
            return {"x": o.x, "y": o.y}
        return super().default(o)
data = {"name": "poly", "points": [Point(1, 2), Point(3, 4)], "tags": [], "meta": {}, "n": [1, [2, 3], {"a": None}]}
print(list(json.JSONEncoder().iterencode([1, 2])))
print(list(PointEncoder().iterencode(data)))
print(list(PointEncoder(indent=2).iterencode(data)))
print(list(PointEncoder(sort_keys=True, separators=(",", ":")).iterencode(data)))
print(list(json.JSONEncoder().iterencode("x")), list(json.JSONEncoder().iterencode({})), list(json.JSONEncoder(indent=1).iterencode([[]])))
for chunk in PointEncoder(indent="\t").iterencode([Point(0, 0), "s", 1.5, True]):
    print(repr(chunk))
print("".join(PointEncoder().iterencode(data)) == PointEncoder().encode(data))
try:
    list(json.JSONEncoder().iterencode({1j: 1}))
except TypeError as e:
    print(e)
try:
    list(json.JSONEncoder().iterencode([object()]))
except TypeError as e:
    print(e)
