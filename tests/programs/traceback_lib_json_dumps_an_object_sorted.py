import json
class Point:
    pass
json.dumps({"p": Point()}, sort_keys=True)
