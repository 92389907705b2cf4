import json
from pprint import pprint, pformat

config = {
    "name": "demo",
    "version": 3,
    "debug": False,
    "ratio": 0.75,
    "tags": ["a", "b", "ü"],
    "nested": {"x": None, "y": [1, 2, {"z": True}]},
}
s = json.dumps(config)
print(s)
print(json.dumps(config, indent=2, sort_keys=True))
print(json.dumps([1, "two", 3.0, None, True], separators=(",", ":")))
print(json.dumps("ünïcode"), json.dumps("ünïcode", ensure_ascii=False))
back = json.loads(s)
print(back == config, type(back["nested"]["y"]), back["tags"][2])
print(json.loads('{"a": [1, 2.5, "x", null, true, false], "b": {}}'))
print(json.loads("123"), json.loads('"str"'), json.loads("[]"), json.loads("1e3"))
print(json.dumps({1: "int key", (2 if False else "k"): 1.0}), json.dumps(float("inf")) if False else "")
print(json.dumps({"t": (1, 2)}), json.dumps({"b": 1, "a": 2}, sort_keys=True, indent=None))
try:
    json.loads("{'single': 1}")
except json.JSONDecodeError as e:
    print("JSONDecodeError:", e)
try:
    json.dumps({"s": {1, 2}})
except TypeError as e:
    print("TypeError:", e)

class Obj:
    def __init__(self, a):
        self.a = a
def default(o):
    if isinstance(o, Obj):
        return {"__obj__": o.a}
    raise TypeError(f"not serializable: {o!r}")
print(json.dumps([Obj(1), Obj([2])], default=default))
print(json.loads('{"__obj__": 5}', object_hook=lambda d: Obj(d["__obj__"]) if "__obj__" in d else d).a)

data = {f"key{i}": list(range(i)) for i in range(8)}
pprint(data)
pprint(config, width=40)
pprint([{"id": i, "name": "item" * i} for i in range(1, 5)], width=60)
print(pformat({"short": 1}))
deep = {"a": {"b": {"c": {"d": {"e": list(range(30))}}}}}
pprint(deep)
pprint(deep, depth=2)
pprint(list(range(40)), compact=True)
pprint("a long string " * 8)
pprint({"z": 1, "a": 2, "m": 3}, sort_dicts=False)
pprint(set(range(25)))
pprint((1, [2, (3, {4: 5})]))
