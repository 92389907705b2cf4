import json, sys, gc
text = '[{"name": "a", "tags": ["x", "y"]}, {"name": "b", "tags": []}]'
gc.collect()
a = len(gc.get_objects())
data = json.loads(text)
print(data)
print(gc.is_tracked(data), gc.is_tracked(data[0]), gc.is_tracked(data[1]["tags"]))
k1 = list(data[0])[0]
k2 = list(data[1])[0]
print(k1 is k2, sys.getrefcount(data[0]["tags"]))
print(json.dumps(data, indent=1))
deep = "[" * 100000 + "]" * 100000
try:
    json.loads(deep)
except RecursionError as e:
    print("RecursionError")
