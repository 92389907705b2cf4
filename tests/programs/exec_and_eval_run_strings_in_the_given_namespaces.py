# exec() and eval() of strings: the caller's namespaces by default, given
# dicts otherwise ('__builtins__' added), functions and classes defined in
# the string, and a function's locals seen through its locals() dict.
import gc
x = 10
print(eval("x + 1"))
print(eval("  x * 2"))
exec("y = x + 5")
print(y)
g = {"a": 2}
exec("b = a * 3\ndef sq(n):\n    return n * n\nc = sq(b)", g)
print(sorted(g), g["b"], g["c"], g["sq"](4))
loc = {}
exec("z = a + 1", g, loc)
print(loc, "z" in g)
print(eval("a + q", g, {"q": 100}))
def f(p):
    r = 7
    print(eval("p + r"))
    exec("r = 99; s = 1")
    print(r, sorted(locals()))
    return eval("[p * 2, r]")
print(f(3))
exec("class K:\n    v = 5\n    def m(self):\n        return self.v * 2\nk = K()")
print(K.v, k.m(), type(k).__name__, K.__module__)
print(eval("(lambda t: t + 1)(41)"))
print(eval("1,2,3"), eval("[i for i in range(4) if i % 2]"), eval("{'k': 1}"))
code_src = "total = 0\nfor i in range(5):\n    total += i\n"
ns = {}
exec(code_src, ns)
print(ns["total"])
print(exec("1 + 1"))
def outer():
    return eval("__name__"), eval("len([1, 2])")
print(outer())
gc.collect()
exec("import gc as g2\nprint(g2 is gc)")
try:
    exec("1 / 0")
except ZeroDivisionError as e:
    print("ZeroDivisionError", e, e.__traceback__.tb_next.tb_frame.f_code.co_filename)
try:
    eval("undefined_name_q")
except NameError as e:
    print(e)
