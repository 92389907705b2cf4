def nest(d):
    if d == 0:
        return ValueError("leaf")
    return ExceptionGroup(f"d{d}", [nest(d - 1), TypeError(d)])
def boom():
    raise ExceptionGroup("deep", [nest(11), OSError("x")])
try:
    boom()
except ExceptionGroup as g:
    try:
        1 / 0
    except ZeroDivisionError as z:
        z.add_note("")
        z.add_note("two\nlines\n")
        raise BaseExceptionGroup("handler", [z, KeyboardInterrupt(), g])
