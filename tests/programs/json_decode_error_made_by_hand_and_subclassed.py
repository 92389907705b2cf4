import json
e = json.JSONDecodeError("Oops", "ab\ncd", 4)
print(e, e.msg, repr(e.doc), e.pos, e.lineno, e.colno, e.args)
class MyErr(json.JSONDecodeError):
    pass
m = MyErr("Bad", "xyz", 2)
print(m, m.colno, isinstance(m, ValueError))
try:
    raise json.JSONDecodeError("Custom", "[1, 2", 5)
except ValueError as err:
    print(type(err).__name__, err)
try:
    json.JSONDecodeError("only msg")
except TypeError as err:
    print(err)
try:
    json.loads("[1, 2")
except json.JSONDecodeError as err:
    print(err.args, err.msg)
