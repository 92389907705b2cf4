# nonlocal rebinds a variable of the enclosing function; each call of the factory gets a new cell
def make_counter(start):
    count = start

    def inc(step=1):
        nonlocal count
        count += step
        return count

    def peek():
        return count

    return inc, peek


inc, peek = make_counter(10)
print(inc(), inc(), inc(5), peek())
inc2, peek2 = make_counter(0)
print(inc2(), peek2(), peek())


def outer():
    x = 'outer'

    def middle():
        def inner():
            nonlocal x
            x = 'changed by inner'
        inner()
        return x
    return middle(), x


print(outer())
print(inc.__name__, inc.__qualname__)
print(len(inc.__closure__), inc.__closure__[0].cell_contents)
print(inc.__code__.co_freevars, make_counter.__code__.co_cellvars)
del inc, peek, inc2, peek2
