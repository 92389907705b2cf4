# CPython's messages for wrong argument counts with defaults, *args and keyword-only params
def msg(thunk):
    try:
        thunk()
    except TypeError as e:
        print(e)


def two(a, b):
    pass


def opt(a, b=1):
    pass


def kwo(a, *, k):
    pass


def many(a, b, c):
    pass


msg(lambda: two())
msg(lambda: two(1, 2, 3))
msg(lambda: opt())
msg(lambda: opt(1, 2, 3))
msg(lambda: kwo(1, 2))
msg(lambda: kwo(1, 2, k=3))
msg(lambda: many(1))
msg(lambda: many(c=1))
msg(lambda: two(1, 2, zz=3))
msg(lambda: (lambda: 0)(1))
msg(lambda: len())
msg(lambda: len(1, 2))
