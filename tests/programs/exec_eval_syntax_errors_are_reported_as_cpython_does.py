# A string with a syntax error: SyntaxError (or IndentationError) with
# '<string>', the line, the offset and the line's text; str(e) names them.
cases = ["x = = 1", "def f(:\n pass", "if x:\n  pass\n   y", "a = 1\nb = (2,\nc = 3", "for in x: pass",
         "print('hi'", "x = 1 +", "return 5", "class :", "1 = x"]
for src in cases:
    try:
        exec(src)
    except SyntaxError as e:
        print(type(e).__name__, "|", e, "|", e.msg, e.filename, e.lineno, repr(e.text))
for src in ["", "x = 1", "1 +* 2", "(1, 2"]:
    try:
        eval(src)
    except SyntaxError as e:
        print(type(e).__name__, "|", e, "|", e.filename, e.lineno)
for bad in [(123,), ("1", 5), ("1", {}, 5), ("a\0b",)]:
    for fn in (exec, eval):
        try:
            fn(*bad)
        except (TypeError, ValueError) as e:
            print(fn.__name__, type(e).__name__, e)
try:
    eval("1", [])
except TypeError as e:
    print(e)
exec("x = = 2")
