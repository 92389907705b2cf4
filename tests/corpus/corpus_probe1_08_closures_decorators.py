import functools

def counter():
    count = 0
    def inc(step=1):
        nonlocal count
        count += step
        return count
    return inc

c1, c2 = counter(), counter()
print(c1(), c1(), c1(10), c2())
print(c1.__closure__[0].cell_contents, c1.__code__.co_freevars)

def timer_free_trace(func):
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        arg_str = ", ".join([repr(a) for a in args] + [f"{k}={v!r}" for k, v in kwargs.items()])
        print(f"-> {func.__name__}({arg_str})")
        result = func(*args, **kwargs)
        print(f"<- {func.__name__} = {result!r}")
        return result
    return wrapper

@timer_free_trace
def add(a, b=2, *, scale=1):
    """Add two numbers."""
    return (a + b) * scale

add(1)
add(1, 5, scale=3)
print(add.__name__, add.__doc__, add.__wrapped__.__name__)

def repeat(n):
    def deco(f):
        def inner(*a):
            return [f(*a) for _ in range(n)]
        return inner
    return deco

@repeat(3)
def hello(name):
    return f"hi {name}"
print(hello("bob"))

@functools.lru_cache(maxsize=None)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(80), fib.cache_info())

def memo(f):
    cache = {}
    def g(n):
        if n not in cache:
            cache[n] = f(n)
        return cache[n]
    g.cache = cache
    return g

@memo
def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)
print(fact(25), len(fact.cache))

adders = [lambda x, i=i: x + i for i in range(3)]
late = [lambda x: x + i for i in range(3)]
print([f(10) for f in adders], [f(10) for f in late])

class CountCalls:
    def __init__(self, f):
        functools.update_wrapper(self, f)
        self.f = f
        self.calls = 0
    def __call__(self, *a, **k):
        self.calls += 1
        return self.f(*a, **k)

@CountCalls
def sq(x): return x * x
print(sq(3), sq(4), sq.calls, sq.__name__)
p = functools.partial(add, scale=10)
print(p(1, 1), p.func.__name__, p.keywords)
