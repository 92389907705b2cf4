def nest(d):
    if d == 0:
        return ValueError("leaf")
    return ExceptionGroup(f"d{d}", [nest(d - 1), TypeError(d)])
wide = ExceptionGroup("wide", [ValueError(i) for i in range(20)] + [nest(12)])
try:
    raise RuntimeError("first")
except RuntimeError:
    try:
        raise wide
    except ExceptionGroup as g:
        raise ExceptionGroup("outer", [g, KeyError("multi\nline")]) from None
