def make_counter(start=0):
    count = start
    def inc(step=1):
        nonlocal count
        count += step
        return count
    return inc

c1 = make_counter()
c2 = make_counter(100)
print(c1(), c1(), c1(5), c2(), c1())
print(c1.__closure__[0].cell_contents, c1.__code__.co_freevars)

def multipliers():
    return [lambda x: x * i for i in range(4)]
print([m(2) for m in multipliers()])
def multipliers_fixed():
    return [lambda x, i=i: x * i for i in range(4)]
print([m(2) for m in multipliers_fixed()])

def make_averager():
    series = []
    def averager(v):
        series.append(v)
        return sum(series) / len(series)
    return averager
avg = make_averager()
for v in (10, 11, 12, 15):
    print(round(avg(v), 4), end=" ")
print()

total = 0
def add_global(n):
    global total
    total += n
    return total
add_global(5); add_global(7)
print(total)

def outer():
    x = "outer"
    def middle():
        x = "middle"
        def inner():
            nonlocal x
            x = "changed by inner"
        inner()
        return x
    r = middle()
    return x, r
print(outer())

def bank(balance):
    def withdraw(amount):
        nonlocal balance
        if amount > balance:
            return "Insufficient funds"
        balance -= amount
        return balance
    def deposit(amount):
        nonlocal balance
        balance += amount
        return balance
    return withdraw, deposit
w, d = bank(100)
print(w(30), d(50), w(500), w(120))

def broken():
    y = 1
    def f():
        y += 1
        return y
    return f()
try:
    broken()
except UnboundLocalError as e:
    print("UnboundLocalError:", e)
counter = 0
def oops():
    counter += 1
oops()
