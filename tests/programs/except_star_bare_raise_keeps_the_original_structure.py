def nested():
    return ExceptionGroup("top", [
        ValueError(1),
        ExceptionGroup("mid", [TypeError(2), ValueError(3), ExceptionGroup("low", [KeyError(4)])]),
        OSError(5),
    ])
def case(handlers):
    try:
        try:
            raise nested()
        except* ValueError:
            if "V" in handlers:
                raise
        except* TypeError as e:
            if "T" in handlers:
                raise e
            if "t" in handlers:
                raise RuntimeError("t") from e
        except* KeyError:
            if "K" in handlers:
                raise
    except BaseException as g:
        return g
def show(g, indent=0):
    if g is None:
        print(" " * indent + "None")
        return
    print(" " * indent + repr(type(g).__name__), str(g), repr(g.__cause__), g.__suppress_context__)
    for x in getattr(g, "exceptions", ()):
        show(x, indent + 2)
for h in ["", "V", "VK", "T", "t", "VTK", "Vt"]:
    print("--", h)
    show(case(h))
# an exception raised in a handler has the matched group as its context
try:
    try:
        raise ExceptionGroup("c", [ValueError(1), TypeError(2)])
    except* ValueError:
        raise IndexError("in handler")
except ExceptionGroup as g:
    ie = g.exceptions[0]
    print(repr(ie), repr(ie.__context__), repr(g.exceptions[1]))
# catching ExceptionGroup with except* is refused at run time
for t in (ExceptionGroup, (ValueError, BaseExceptionGroup), "x"):
    try:
        try:
            raise ValueError(0)
        except* t:
            pass
    except TypeError as e:
        print(e)
