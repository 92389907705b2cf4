import json
try:
    json.loads("nope")
except ValueError:
    raise RuntimeError("config is broken")
