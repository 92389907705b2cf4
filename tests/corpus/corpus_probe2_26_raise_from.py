class ValidationError(Exception):
    def __init__(self, field, msg):
        self.field = field
        super().__init__(f"{field}: {msg}")

def to_int(s):
    try:
        return int(s)
    except ValueError as exc:
        raise ValidationError("age", f"not a number ({s!r})") from exc

def load(record):
    try:
        age = to_int(record["age"])
    except ValidationError:
        print("re-raising after logging")
        raise
    return age

print(load({"age": "42"}))
try:
    load({"age": "x"})
except ValidationError as e:
    print("caught:", e, "field=", e.field, "cause type:", type(e.__cause__).__name__)

def suppress():
    try:
        [][0]
    except IndexError:
        raise RuntimeError("clean") from None
try:
    suppress()
except RuntimeError as e:
    print(e.__cause__, e.__suppress_context__, type(e.__context__).__name__)

def nested():
    try:
        raise KeyError("inner")
    except KeyError:
        raise ValueError("outer")
load({"age": "abc"})
