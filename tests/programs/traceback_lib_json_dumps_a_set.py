import json
print(json.dumps({"a": [1, 2]}))
json.dumps({"tags": {"x", "y"}})
