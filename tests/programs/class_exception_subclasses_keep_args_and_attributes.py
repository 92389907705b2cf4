# exception classes: args from the constructor, super().__init__, extra
# attributes, str/repr, catching by base class, __new__ overrides
class AppError(Exception):
    pass

class ValidationError(AppError):
    def __init__(self, field, message):
        super().__init__(f"{field}: {message}")
        self.field = field

class CodeError(AppError):
    def __init__(self, code):
        self.code = code

class Quiet(ValueError):
    def __str__(self):
        return "quiet!"

for exc in (AppError("a", 1), ValidationError("age", "too small"), CodeError(42), Quiet("x")):
    try:
        raise exc
    except AppError as e:
        print(type(e).__name__, e.args, str(e), repr(e), getattr(e, "field", None), getattr(e, "code", None))
    except ValueError as e:
        print("value error", e, repr(e), e.args)

e = ValidationError("name", "empty")
print(e.__dict__, isinstance(e, Exception), ValidationError.__mro__)
try:
    AppError(x=1)
except TypeError as err:
    print("TypeError:", err)
try:
    raise ValidationError("only one")
except TypeError as err:
    print("TypeError:", err)

class Counted(Exception):
    made = 0
    def __new__(cls, *args):
        cls.made += 1
        return super().__new__(cls, *args)
c1 = Counted("one")
c2 = Counted("two", 2)
print(Counted.made, c1.args, c2.args)
