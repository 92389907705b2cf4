for name in ["contextlib", "copy", "json", "collections", "collections.abc", "functools", "enum",
             "dataclasses", "weakref", "abc", "io", "pprint", "math", "gc", "sys", "random"]:
    try:
        exec(f"from {name} import no_such_name")
    except ImportError as e:
        print(e)
import random
print(random.__file__)
from copy import deep_copy
