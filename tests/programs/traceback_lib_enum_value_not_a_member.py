from enum import Enum
class Color(Enum):
    RED = 1
    GREEN = 2
print(Color(2))
try:
    Color["BLUE"]
except KeyError as e:
    print("no", e)
Color(7)
