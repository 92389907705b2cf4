import json
from datetime import date

class DateEncoder(json.JSONEncoder):
    def default(self, o):
        if isinstance(o, date):
            return o.isoformat()
        if isinstance(o, set):
            return sorted(o)
        return super().default(o)

data = {"when": date(2024, 3, 1), "tags": {"b", "a"}, "n": 1}
print(json.dumps(data, cls=DateEncoder))
print(json.dumps(data, cls=DateEncoder, indent=2, sort_keys=True))
print(DateEncoder().encode([date(2020, 1, 2)]))
enc = json.JSONEncoder(sort_keys=True, separators=(",", ":"))
print(enc.encode({"b": 1, "a": [1, 2]}), enc.item_separator, enc.key_separator, enc.indent)
print(json.JSONEncoder().item_separator, json.JSONEncoder(indent=4).item_separator)
print(json.JSONEncoder(default=str).encode({"d": date(2021, 5, 6)}))
try:
    json.dumps({"x": object()}, cls=DateEncoder)
except TypeError as e:
    print(e)
class Point:
    def __init__(self, x, y): self.x, self.y = x, y
class PointEncoder(json.JSONEncoder):
    def default(self, o):
        return o.__dict__ if isinstance(o, Point) else super().default(o)
print(json.dumps([Point(1, 2), Point(3, 4)], cls=PointEncoder))
print(json.JSONEncoder, json.JSONEncoder.__module__)
