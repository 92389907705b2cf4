# literals inside functions, lambdas, comprehensions and class bodies are
# constants of their own code objects; while the script runs the parsed
# source holds each value once more, wherever it is written
import sys


def show():
    s = "inside a function!"
    print('str in a function:', sys.getrefcount(s))
    f = 3.75
    print('float in a function:', sys.getrefcount(f))
    t = (2.5, "x y")
    print('tuple in a function:', sys.getrefcount(t))
    return s


r = show()
print('returned literal:', sys.getrefcount(r))


def twice():
    return "shared text!"


shared = "shared text!"
print('in a function and at module level:', sys.getrefcount(shared), twice() is shared)


def with_default(v="default value!"):
    return v


print('default argument:', sys.getrefcount(with_default()))
print('default held by the function too:', sys.getrefcount(with_default.__defaults__[0]))

lam = lambda: 9.5
print('lambda constant:', sys.getrefcount(lam()))

vals = [0.5 for _ in range(3)]
print('comprehension constant:', sys.getrefcount(vals[0]))


class Config:
    name = "config name!"
    ratio = 0.125

    def label(self):
        return "label text!"


print('class attribute str:', sys.getrefcount(Config.name))
print('class attribute float:', sys.getrefcount(Config.ratio))
c = Config()
print('method constant:', sys.getrefcount(c.label()))


def counts_in_loop():
    out = []
    for i in range(3):
        out.append("loop text!")
    return sys.getrefcount(out[0])


print('held by a list three times:', counts_in_loop())
