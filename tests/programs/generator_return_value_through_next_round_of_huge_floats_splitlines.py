def g():
    yield 1
    return "done"
it = g(); next(it)
try: next(it)
except StopIteration as e: print(repr(e), e.value)
def h():
    return 5
    yield
try: next(h())
except StopIteration as e: print(repr(e), e.value)
print(round(1e19), round(-9.3e18), round(2.0**63), round(1.5), round(2.5), round(-0.5))
try: round(float('inf'))
except OverflowError as e: print(e)
try: round(float('nan'))
except ValueError as e: print(e)
print("a\nb\n".splitlines(True), "a\r\nb\rc".splitlines(keepends=True), "x\n\ny".splitlines(True))
print(repr("\u3000x\u2003".strip()), "\u3000".isspace(), "x\u2029y".splitlines(), "a\x1cb\x85c".splitlines())
print("a\u3000b c".split())
print(format(float("inf"), "%"), f"{float('nan'):.1%}", f"{float('-inf'):%}")
