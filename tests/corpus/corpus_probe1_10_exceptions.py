class AppError(Exception):
    """Base class."""

class ValidationError(AppError):
    def __init__(self, field, message):
        super().__init__(f"{field}: {message}")
        self.field = field

class NotFoundError(AppError, LookupError):
    pass

def validate(user):
    if "name" not in user:
        raise ValidationError("name", "is required")
    if not isinstance(user.get("age"), int):
        raise ValidationError("age", f"must be int, got {type(user.get('age')).__name__}")
    return True

for u in [{"name": "a", "age": 3}, {"age": 1}, {"name": "b", "age": "x"}]:
    try:
        validate(u)
    except ValidationError as e:
        print(f"invalid [{e.field}]: {e}", e.args)
    else:
        print("valid", u)
    finally:
        print("checked")

def find(db, key):
    try:
        return db[key]
    except KeyError as e:
        raise NotFoundError(f"no record {key!r}") from e

try:
    find({}, "zz")
except LookupError as e:
    print(type(e).__name__, e, type(e.__cause__).__name__, e.__cause__, e.__suppress_context__)

try:
    try:
        1 / 0
    except ZeroDivisionError:
        int("abc")
except ValueError as e:
    print("context:", repr(e.__context__), "|", e)

def f():
    try:
        return "try"
    finally:
        print("finally runs")
print(f())

def g():
    for i in range(3):
        try:
            if i == 1:
                continue
            print("body", i)
        finally:
            print("fin", i)
g()
print(NotFoundError.__mro__)
try:
    raise AppError("a", 1, [2])
except Exception as e:
    print(str(e), repr(e))
try:
    raise KeyError("missing")
except KeyError as e:
    print(str(e), repr(e))
e = ValueError()
print(repr(str(e)), repr(e))
print(repr(OSError(2, "No such file")), str(OSError(2, "No such file")))

def outer():
    try:
        find({"a": 1}, "b")
    except NotFoundError as exc:
        raise RuntimeError("lookup failed") from exc
outer()
