import json
for kw in [dict(sort_keys=False), dict(indent=None), dict(sort_keys=True), dict(ensure_ascii=False)]:
    try:
        json.dumps({1, 2}, **kw)
    except TypeError as e:
        print(kw, e)
try:
    json.loads("[", object_hook=None)
except ValueError as e:
    print(e)
try:
    json.dumps({"s": {1}}, sort_keys=False, indent=None)
except TypeError as e:
    print(e)
json.loads("[1, 2", strict=False)
