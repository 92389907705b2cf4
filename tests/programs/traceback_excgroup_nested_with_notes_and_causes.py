def f():
    raise ValueError(1)
def g():
    try:
        f()
    except ValueError as e:
        e.add_note("note a\nline2")
        raise TypeError("in handler") from e
excs = []
for fn in (f, g):
    try:
        fn()
    except Exception as e:
        excs.append(e)
inner = ExceptionGroup("inner", [KeyError('k'), OSError(2, 'x')])
eg = ExceptionGroup("outer", excs + [inner])
eg.add_note("group note")
raise eg
