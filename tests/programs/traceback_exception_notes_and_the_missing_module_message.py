try:
    import numpy
except ImportError as e:
    print(e, repr(e), e.name)
try:
    raise ValueError("bad")
except ValueError as e:
    e.add_note("while parsing line 3")
    e.add_note("second note")
    print(e.__notes__, str(e))
try:
    ValueError().add_note(3)
except TypeError as e:
    print(e)
e = KeyError("k")
e.__notes__ = "x"
try:
    e.add_note("y")
except TypeError as err:
    print(err)
def f():
    err = RuntimeError("outer")
    err.add_note("context: f()")
    raise err
f()
