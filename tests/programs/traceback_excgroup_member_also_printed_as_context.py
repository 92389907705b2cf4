def a():
    try:
        raise ExceptionGroup("first", [ValueError(1), TypeError(2)])
    except* ValueError:
        raise KeyError("k")
def b():
    try:
        a()
    except ExceptionGroup as g:
        raise RuntimeError("wrapped") from g
def c():
    try:
        b()
    except RuntimeError as r:
        raise BaseExceptionGroup("top", [r, SystemExit(3)])
c()
