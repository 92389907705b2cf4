import itertools

def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b

print(list(itertools.islice(fib(), 15)))

def countdown(n):
    print("starting")
    while n > 0:
        received = yield n
        if received:
            n = received
        else:
            n -= 1
    return "done"

g = countdown(5)
print(next(g), next(g), g.send(10), next(g))
g.close()

def gen_with_return():
    yield 1
    return 99

def delegator():
    r = yield from gen_with_return()
    print("subgen returned", r)
    yield r

print(list(delegator()))

class Range:
    def __init__(self, start, stop, step=1):
        self.start, self.stop, self.step = start, stop, step
    def __iter__(self):
        return RangeIter(self)

class RangeIter:
    def __init__(self, r):
        self.cur = r.start
        self.r = r
    def __iter__(self):
        return self
    def __next__(self):
        if self.cur >= self.r.stop:
            raise StopIteration
        v = self.cur
        self.cur += self.r.step
        return v

r = Range(0, 10, 3)
print(list(r), sum(r), [x * x for x in r])
it = iter(r)
print(next(it), next(it), next(it), next(it), next(it, "end"))

squares = (x * x for x in range(10))
print(type(squares).__name__, sum(squares), sum(squares))

def chunks(seq, n):
    it = iter(seq)
    while chunk := list(itertools.islice(it, n)):
        yield chunk
print(list(chunks("abcdefgh", 3)))

def averager():
    total = count = 0
    avg = None
    while True:
        x = yield avg
        total += x
        count += 1
        avg = total / count
a = averager(); next(a)
print([a.send(v) for v in (10, 20, 60)])

def thrower():
    try:
        yield 1
        yield 2
    except ValueError as e:
        yield f"caught {e}"
    finally:
        print("cleanup")
t = thrower()
print(next(t), t.throw(ValueError("boom")))
t.close()
print(list(zip(itertools.count(1), "abc")), list(itertools.accumulate([1, 2, 3, 4])))
gen = (i for i in range(3))
print(list(gen), next(gen, None))
next(gen)
