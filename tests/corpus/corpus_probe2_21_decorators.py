import functools
import time

def trace(func):
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        arg_str = ", ".join([repr(a) for a in args] + [f"{k}={v!r}" for k, v in kwargs.items()])
        result = func(*args, **kwargs)
        print(f"{func.__name__}({arg_str}) -> {result!r}")
        return result
    return wrapper

def repeat(times):
    def decorator(func):
        @functools.wraps(func)
        def wrapper(*a, **kw):
            return [func(*a, **kw) for _ in range(times)]
        return wrapper
    return decorator

def retry(exceptions=(Exception,), attempts=3):
    def deco(fn):
        @functools.wraps(fn)
        def inner(*args, **kwargs):
            for i in range(1, attempts + 1):
                try:
                    return fn(*args, **kwargs)
                except exceptions as e:
                    print(f"attempt {i} failed: {e}")
            raise RuntimeError(f"{fn.__name__} failed after {attempts} attempts")
        return inner
    return deco

def count_calls(func):
    def wrapper(*args):
        wrapper.calls += 1
        return func(*args)
    wrapper.calls = 0
    return wrapper

@trace
def add(a, b=0):
    """Add two numbers."""
    return a + b

@repeat(3)
def greet(name):
    return f"hi {name}"

state = {"n": 0}
@retry((ValueError,), attempts=4)
def flaky():
    state["n"] += 1
    if state["n"] < 3:
        raise ValueError(f"not yet ({state['n']})")
    return "success"

@count_calls
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)

add(2, 3); add(1, b=10); add("x", b="y")
print(add.__name__, add.__doc__, add.__wrapped__(4, 4))
print(greet("bob"))
print(flaky())
print(fib(15), fib.calls, fib.__name__)

class Timer:
    def __init__(self, fn):
        functools.update_wrapper(self, fn)
        self.fn = fn
    def __call__(self, *a):
        t0 = time.perf_counter()
        r = self.fn(*a)
        elapsed = time.perf_counter() - t0
        print(f"{self.fn.__name__} took {'<1s' if elapsed < 1 else 'long'}")
        return r
@Timer
def slow_sum(n):
    return sum(range(n))
print(slow_sum(10000), slow_sum.__name__)

def stacked(x): return x
stacked = trace(repeat(2)(stacked))
stacked(7)
@retry(attempts=2)
def always_fails():
    raise KeyError("nope")
always_fails()
