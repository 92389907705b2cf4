import json
json.dumps({"when": {2024}}, sort_keys=False, indent=None, separators=None)
