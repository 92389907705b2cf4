def raiser():
    raise ExceptionGroup("eg", [ValueError(1), TypeError(2), ValueError(3), KeyError(4)])
try:
    raiser()
except* ValueError as e:
    print("V", repr(e), e.__traceback__ is not None)
except* TypeError as e:
    print("T", repr(e))
except* KeyError:
    print("K")
else:
    print("else")
finally:
    print("finally")

try:
    raise ValueError("naked")
except* ValueError as e:
    print(repr(e), repr(e.exceptions[0]))
print("e" in dir())
try:
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
    except* ValueError:
        print("handled V")
except ExceptionGroup as g:
    print("rest", repr(g))
try:
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
    except* ValueError:
        raise
except ExceptionGroup as g:
    print("reraise", repr(g))
try:
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
    except* ValueError:
        raise KeyError("new")
except ExceptionGroup as g:
    print("raised", repr(g), repr(g.exceptions[0].__context__))
try:
    try:
        raise ValueError("x")
    except* ValueError:
        raise
except Exception as g:
    print("naked reraise", repr(g))
try:
    try:
        raise ValueError("x")
    except* ExceptionGroup:
        pass
except TypeError as g:
    print(g)
try:
    try:
        raise ValueError("x")
    except* (TypeError, 1):
        pass
except TypeError as g:
    print(g)
try:
    pass
except* ValueError:
    pass
else:
    print("no exc else")
def f():
    try:
        raise ExceptionGroup("eg", [ValueError(1), ExceptionGroup("in", [TypeError(2), ValueError(3)])])
    except* ValueError as e:
        print(repr(e))
        raise
    except* TypeError as e:
        print(repr(e))
        raise RuntimeError("rt")
try:
    f()
except BaseException as g:
    print(repr(g))
