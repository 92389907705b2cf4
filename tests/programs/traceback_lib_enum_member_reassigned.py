from enum import Enum
class Size(Enum):
    S = 1
Size.S = 2
