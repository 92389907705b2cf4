# comprehensions inside functions see enclosing locals via cells; lambdas bind late
def scale(values, factor):
    return [v * factor for v in values]


print(scale([1, 2, 3], 10))


def makers():
    return [lambda: i for i in range(3)]


print([f() for f in makers()])


def makers_bound():
    return [lambda i=i: i for i in range(3)]


print([f() for f in makers_bound()])


def nested(n):
    base = 100
    return [[base + r + c for c in range(n)] for r in range(n)]


print(nested(2))


def counter():
    seen = []
    out = [seen.append(x) or len(seen) for x in 'abc']
    return out, seen


print(counter())
