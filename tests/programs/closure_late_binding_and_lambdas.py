# closures read the variable's current value when called, not when created
def build():
    funcs = []
    for i in range(3):
        funcs.append(lambda: i * 10)
    i = 100
    return funcs


print([f() for f in build()])


def build_fixed():
    def make(i):
        return lambda: i * 10
    return [make(i) for i in range(3)]


print([f() for f in build_fixed()])
add = lambda a, b=2: a + b
print(add(1), add(1, 5), add.__name__)
compose = lambda f, g: lambda x: f(g(x))
inc_then_double = compose(lambda x: x * 2, lambda x: x + 1)
print(inc_then_double(5))
print((lambda *a, **k: (a, k))(1, 2, z=3))
print(sorted([(1, 'b'), (2, 'a')], key=lambda p: p[1]))
print(list(map(lambda x: x ** 2, [1, 2, 3])))
