import json
for doc in ["{bad", "", "[1] 2", "[1,]", "{\"a\" 1}"]:
    try:
        json.loads(doc)
    except json.JSONDecodeError as e:
        print(repr(e), e.pos)
json.loads("{\"name\": \"Ada\", }")
