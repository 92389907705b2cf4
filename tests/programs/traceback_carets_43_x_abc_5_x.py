def f(d):
    return d["k"]
def g(d):
    if True:
        if True:
            return   d["key"]  +   1
def h(x):
    return 1 / x
def boom():
    raise ValueError("x")
def k(a, b):
    return a // b + a
def m(lst):
    return lst[0][1]
class C:
    def meth(self):
        return self.missing
a = 1; b = 0; d = {}; lst = [1]
x = "abc" + 5 + "x"
