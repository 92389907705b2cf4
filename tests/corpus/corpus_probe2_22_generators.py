def countdown(n):
    print("starting countdown")
    while n > 0:
        yield n
        n -= 1
    print("done!")
gen = countdown(3)
print(type(gen).__name__)
for x in gen:
    print(x)
def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
import itertools
print(list(itertools.islice(fib(), 15)))
def read_lines(text):
    for line in text.splitlines():
        yield line
def strip_comments(lines):
    for line in lines:
        line = line.split("#", 1)[0].strip()
        if line:
            yield line
def parse(lines):
    for line in lines:
        key, _, value = line.partition("=")
        yield key.strip(), value.strip()
config = """
# config file
name = demo   # app name
version=1.2
debug = true
# end
"""
print(dict(parse(strip_comments(read_lines(config)))))
def echo():
    received = None
    while True:
        received = yield f"got {received}"
        if received == "stop":
            return "stopped cleanly"
e = echo()
print(next(e))
print(e.send("hello"))
print(e.send(42))
try:
    e.send("stop")
except StopIteration as si:
    print("StopIteration value:", si.value)
def chain(*iterables):
    for it in iterables:
        yield from it
print(list(chain([1, 2], "ab", range(3))))
squares = (x * x for x in range(10))
print(sum(squares), sum(squares))
def averager():
    total, n = 0, 0
    avg = None
    while True:
        term = yield avg
        total += term; n += 1
        avg = total / n
a = averager(); next(a)
print([a.send(v) for v in [10, 20, 30, 5]])
g = countdown(2)
print(next(g), next(g))
g.close()
print(list(g))
def gen_with_finally():
    try:
        yield 1
        yield 2
    finally:
        print("cleanup")
for v in gen_with_finally():
    print(v); break
print("after break")
n = countdown(1)
next(n); next(n)
