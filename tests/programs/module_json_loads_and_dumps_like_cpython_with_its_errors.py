import json
data = '''
[
  { "id" : "001", "x" : "2", "name" : "Chuck" } ,
  { "id" : "009", "x" : "7", "name" : "Brent" }
]'''
info = json.loads(data)
print(len(info), info, info[0]["name"])
print(json.loads('{"a": [1, 2.5, -3e2, true, false, null], "b": "\\u00e9\\n\\"x\\"", "c": {}}'))
print(json.loads('"\\ud83d\\ude00"') == "\U0001F600", json.loads("123"), json.loads(" -0.0 "), json.loads("1E3"))
keys = json.loads('[{"k": 1}, {"k": 2}]')
print(keys[0].popitem()[0] is keys[1].popitem()[0])
for bad in ['', '[1,]', '{"a" 1}', '{"a": 1,}', '{1: 2}', '[1 2]', '"abc', '"a\\qb"', '[1] x', '"\\u12"', 'nul', '{"a":1', '\t\n [\n  1,\n  ]', '"a\tb"', '"\\uZZZZ"']:
    try:
        json.loads(bad)
    except json.JSONDecodeError as e:
        print(repr(bad), "->", e, "|", e.msg, e.pos, e.lineno, e.colno)
try:
    json.loads(5)
except TypeError as e:
    print(e)
print(json.dumps([1, "a", None, True, 2.5, {"k": [1, {}]}, [], (1, 2)]))
print(json.dumps({"b": 1, "a": [1, 2, {"c": None}]}, indent=2, sort_keys=True))
print(json.dumps({"b": 1, "a": []}, indent="\t"))
print(json.dumps([1, [2, [3]]], indent=0))
print(json.dumps({"x": 1, "y": 2}, separators=(",", ":")))
print(json.dumps("héllo \U0001F600 \x01 \\ \" /"), json.dumps("héllo", ensure_ascii=False))
print(json.dumps({1: "a", 2.5: "b", True: "c", None: "d"}))
print(json.dumps(float("nan")), json.dumps([float("inf"), -float("inf")]))
class P:
    def __init__(self, x): self.x = x
print(json.dumps({"p": P(3)}, default=lambda o: {"P": o.x}))
for bad in (lambda: json.dumps(P(1)), lambda: json.dumps({(1, 2): 3}), lambda: json.dumps(float("nan"), allow_nan=False)):
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
print(json.dumps({(1, 2): 3, "a": 1}, skipkeys=True))
l = [1]; l.append(l)
try:
    json.dumps(l)
except ValueError as e:
    print(e)
print(json.loads(json.dumps({"round": [1, 2, {"trip": "yes"}]})))
print(json.loads('{"a": {"b": 1}}', object_hook=lambda d: sorted(d)))
print(type(json.JSONDecodeError).__name__, json.JSONDecodeError.__name__, issubclass(json.JSONDecodeError, ValueError))
json.loads("[1, 2")
