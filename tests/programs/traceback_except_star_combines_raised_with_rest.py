def inner():
    raise ExceptionGroup("many", [ValueError("v"), TypeError("t"), OSError("o")])
def middle():
    try:
        inner()
    except* ValueError as e:
        e.add_note("seen in middle")
        raise
    except* TypeError:
        raise RuntimeError("from handler")
middle()
